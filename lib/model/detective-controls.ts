/**
 * The detective controls as deployed: the root's controls from the Config delegated
 * administrator for every account at once (organization rules and conformance packs), and
 * everything else in the baselines of the accounts it reaches: controls and packs attached
 * to their OUs (nested OUs included) or to themselves, and the root's controls that have
 * remediation turned on, since AWS Config remediates only the rules of the account itself.
 */
import type { AccountRequest, ConfigurationFiles } from '../config/configuration-files';
import { conformancePackTemplateText } from '../config/schemas/conformance-pack';
import type { DetectiveControlsConfig } from '../config/schemas/detective-controls';
import { DETECTIVE_CONTROLS } from '../guardrails/detective-control-catalogue';
import {
  controlParameter,
  controlRuleName,
  parameterText,
  type ControlGuidance,
  type ControlRemediation,
  type DetectiveControl,
} from '../guardrails/detective-control';
import type { PasswordPolicyConfig } from '../config/schemas/account-baseline';

/** A control built for this landing zone: what one Config rule is made from. */
export interface DeployedControl {
  readonly id: string;
  /** `landing-zone-<id>`. */
  readonly ruleName: string;
  readonly guidance: ControlGuidance;
  readonly sourceIdentifier: string;
  /** The input parameters as AWS Config takes them: compact JSON of text values. */
  readonly inputParameters?: string;
  /** The resource types a configuration-change rule is scoped to. */
  readonly resourceTypesScope?: readonly string[];
  /** Evaluated in the home region only. */
  readonly global: boolean;
  readonly remediation?: ControlRemediation & {
    readonly automatic: boolean;
    readonly maximumAutomaticAttempts: number;
    readonly retryAttemptSeconds: number;
  };
}

/** A custom conformance pack: its name and its template as AWS Config receives it. */
export interface ConformancePack {
  readonly name: string;
  readonly templateBody: string;
}

/** Detective controls of one deployment: the organization's, or one account's. */
export interface DetectiveControlSet {
  readonly controls: readonly DeployedControl[];
  readonly conformancePacks: readonly ConformancePack[];
}

export const NO_DETECTIVE_CONTROLS: DetectiveControlSet = { controls: [], conformancePacks: [] };

function deployedControl(control: DetectiveControl, config: DetectiveControlsConfig, passwordPolicy: PasswordPolicyConfig): DeployedControl {
  const values: Record<string, string> = { ...control.parameterValues?.({ passwordPolicy }) };
  for (const [name, value] of Object.entries(config.parameters[control.id] ?? {})) {
    const parameter = controlParameter(control, name);
    const text = parameter && parameterText(parameter, value);
    // The detective-controls rules have refused any other parameter.
    if (!text || !('text' in text)) throw new Error(`parameter ${name} of ${control.id} invalid after validation`);
    values[name] = text.text;
  }
  const remediation = config.remediation[control.id];
  if (remediation && !control.remediation) throw new Error(`remediation of ${control.id}, which has no runbook, after validation`);
  return {
    id: control.id,
    ruleName: controlRuleName(control),
    guidance: control.guidance,
    sourceIdentifier: control.sourceIdentifier,
    inputParameters: Object.keys(values).length > 0 ? JSON.stringify(values) : undefined,
    resourceTypesScope: control.trigger === 'configuration-change' ? control.resourceTypes : undefined,
    global: control.global,
    remediation: remediation && control.remediation && { ...control.remediation, ...remediation },
  };
}

export interface DetectiveControlsPlan {
  /** From the security account, for every account. */
  readonly organization: DetectiveControlSet;
  /** In the baseline of one account. */
  readonly ofAccount: (request: AccountRequest) => DetectiveControlSet;
}

/** Controls in catalogue order, packs by name: the same set always synthesizes the same way. */
export function detectiveControlsPlan(files: ConfigurationFiles): DetectiveControlsPlan {
  const config = files.landingZone.config.detectiveControls;
  const passwordPolicy = files.landingZone.config.accountBaseline.passwordPolicy;
  const built = new Map(DETECTIVE_CONTROLS.map((control) => [control.id, deployedControl(control, config, passwordPolicy)]));
  const packs = new Map(files.conformancePacks.map((pack) => [pack.name, { name: pack.name, templateBody: conformancePackTemplateText(pack.config) }]));
  const setOf = (controlIds: ReadonlySet<string>, packNames: ReadonlySet<string>): DetectiveControlSet => ({
    controls: DETECTIVE_CONTROLS.filter((control) => controlIds.has(control.id)).map((control) => built.get(control.id)!),
    conformancePacks: [...packs.values()].filter((pack) => packNames.has(pack.name)),
  });

  const { root, organizationalUnits, accounts } = config.attachments;
  const remediated = (id: string) => built.get(id)?.remediation !== undefined;
  const organizationWide = new Set(root.controls.filter((id) => !remediated(id)));
  return {
    organization: setOf(organizationWide, new Set(root.conformancePacks)),
    ofAccount: (request) => {
      const ou = request.config.role === 'management' ? undefined : request.config.ou;
      const reaching = [
        ...Object.entries(organizationalUnits)
          .filter(([path]) => ou !== undefined && (ou === path || ou.startsWith(`${path}/`)))
          .map(([, attached]) => attached),
        ...(accounts[request.config.name] ? [accounts[request.config.name]] : []),
      ];
      const controlIds = new Set(
        [...root.controls.filter(remediated), ...reaching.flatMap((attached) => attached.controls)].filter((id) => !organizationWide.has(id)),
      );
      return setOf(controlIds, new Set(reaching.flatMap((attached) => attached.conformancePacks).filter((name) => !root.conformancePacks.includes(name))));
    },
  };
}
