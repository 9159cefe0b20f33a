/**
 * The detective controls a configuration deploys: every control of the catalogue and every
 * conformance pack it names exists, on a target that exists; parameters
 * are the managed rule's own, with values it takes; remediation is asked only of controls
 * that have a runbook. A warning when a mandatory control does not reach every account from
 * the root, and when a control attached to the root is also attached lower down.
 */
import { expectedOneOf, type FieldPath, type Issue } from '../../diagnostics';
import { DETECTIVE_CONTROLS } from '../../guardrails/detective-control-catalogue';
import { controlParameter, parameterText } from '../../guardrails/detective-control';
import type { ConfigurationFiles } from '../configuration-files';
import { detectiveControlTargets, resolveTarget } from '../policy-targets';

type Files = Pick<ConfigurationFiles<'detectiveControls' | 'organizationalUnits'>, 'landingZone' | 'accounts' | 'conformancePacks'>;

const CONTROL_IDS = DETECTIVE_CONTROLS.map((control) => control.id);

function listIssues(file: string, names: readonly string[], known: readonly string[], kind: string, path: FieldPath): Issue[] {
  return names.flatMap((name, index): Issue[] => (known.includes(name) ? [] : [{ file, path: [...path, index], message: expectedOneOf(kind, known, name) }]));
}

export function detectiveControlAttachments(files: Files): Issue[] {
  const file = files.landingZone.file;
  const packs = files.conformancePacks.map((pack) => pack.name);
  const targets = detectiveControlTargets(files);
  const rootControls = new Set(targets.find(({ target }) => target.kind === 'root')?.value.controls ?? []);
  return targets.flatMap((attachment): Issue[] => {
    const resolution = resolveTarget(attachment, files);
    if (!resolution.found) return [resolution.issue];
    const { fieldPath, value, target } = attachment;
    const repeated: Issue[] =
      target.kind === 'root'
        ? []
        : value.controls.flatMap((id, index) =>
            rootControls.has(id)
              ? [
                  {
                    file,
                    path: [...fieldPath, 'controls', index],
                    severity: 'warning' as const,
                    message: `${id} reaches every account from the root already; it is deployed once, from the root`,
                  },
                ]
              : [],
          );
    return [
      ...listIssues(file, value.controls, CONTROL_IDS, 'a control of the detective control catalogue', [...fieldPath, 'controls']),
      ...listIssues(file, value.conformancePacks, packs, 'a conformance pack in conformance-packs/', [...fieldPath, 'conformancePacks']),
      ...repeated,
    ];
  });
}

export function detectiveControlParameters({ landingZone }: Pick<ConfigurationFiles<'detectiveControls'>, 'landingZone'>): Issue[] {
  const file = landingZone.file;
  const { parameters, remediation } = landingZone.config.detectiveControls;
  const parameterIssues = Object.entries(parameters).flatMap(([id, values]): Issue[] => {
    const path = ['detectiveControls', 'parameters', id];
    const control = DETECTIVE_CONTROLS.find((candidate) => candidate.id === id);
    if (!control) return [{ file, path, message: expectedOneOf('a control of the detective control catalogue', CONTROL_IDS, id) }];
    const known = Object.keys(control.parameters ?? {});
    if (known.length === 0) return [{ file, path, message: `${id} (${control.sourceIdentifier}) takes no parameters` }];
    return Object.entries(values).flatMap(([name, value]): Issue[] => {
      const parameter = controlParameter(control, name);
      if (!parameter) return [{ file, path: [...path, name], message: expectedOneOf(`a parameter of ${control.sourceIdentifier}`, known, name) }];
      const text = parameterText(parameter, value);
      return 'problem' in text ? [{ file, path: [...path, name], message: `${text.problem} (${parameter.description})` }] : [];
    });
  });
  const remediationIssues = Object.keys(remediation).flatMap((id): Issue[] => {
    const path = ['detectiveControls', 'remediation', id];
    const control = DETECTIVE_CONTROLS.find((candidate) => candidate.id === id);
    if (!control) return [{ file, path, message: expectedOneOf('a control of the detective control catalogue', CONTROL_IDS, id) }];
    if (control.remediation) return [];
    const remediable = DETECTIVE_CONTROLS.filter((candidate) => candidate.remediation).map((candidate) => candidate.id);
    return [{ file, path, message: `${id} has no AWS runbook to remediate with; remediation is for ${remediable.join(', ')}` }];
  });
  return [...parameterIssues, ...remediationIssues];
}

/** Control Tower's mandatory controls are meant for every account: a warning where one is not deployed from the root. */
export function mandatoryControls({ landingZone }: Pick<ConfigurationFiles<'detectiveControls'>, 'landingZone'>): Issue[] {
  const root = landingZone.config.detectiveControls.attachments.root;
  const missing = DETECTIVE_CONTROLS.filter((control) => control.guidance === 'mandatory' && !root.controls.includes(control.id)).map((control) => control.id);
  if (missing.length === 0) return [];
  return [
    {
      file: landingZone.file,
      path: ['detectiveControls', 'attachments', 'root', 'controls'],
      severity: 'warning',
      message: `leaves out the mandatory controls ${missing.join(', ')}: the accounts they do not reach go unchecked there; add them to detectiveControls.attachments.root.controls`,
    },
  ];
}
