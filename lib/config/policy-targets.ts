/**
 * Where something applies in the organization: the root (every member account), an OU by
 * its path (every account below it, nested OUs included), or one account by name. Guardrail
 * attachments name their targets so; each target keeps the field path it is declared at.
 */
import { expectedOneOf, type FieldPath, type Issue } from '../diagnostics';
import type { AccountRequest, ConfigurationFiles } from './configuration-files';
import { flattenOrganizationalUnits } from './organizational-unit-paths';
import type { ControlAttachmentsConfig } from './schemas/detective-controls';
import type { PolicyAttachmentsConfig } from './schemas/guardrails';

export type PolicyTarget =
  { readonly kind: 'root' } | { readonly kind: 'organizational-unit'; readonly path: string } | { readonly kind: 'account'; readonly name: string };

/** A target with what is declared for it, and where. */
export interface Targeted<T> {
  readonly target: PolicyTarget;
  readonly fieldPath: FieldPath;
  readonly value: T;
}

/** What is declared for the root, by OU path and by account name, under `path` of landing-zone.yaml. */
interface TargetedSection<T> {
  readonly root?: T;
  readonly organizationalUnits: Readonly<Record<string, T>>;
  readonly accounts: Readonly<Record<string, T>>;
}

/** The root, then each OU, then each account, in the order of the file. */
function targetsOf<T>({ root, organizationalUnits, accounts }: TargetedSection<T>, path: FieldPath): Targeted<T>[] {
  return [
    ...(root ? [{ target: { kind: 'root' } as const, fieldPath: [...path, 'root'], value: root }] : []),
    ...Object.entries(organizationalUnits).map(([ouPath, value]) => ({
      target: { kind: 'organizational-unit', path: ouPath } as const,
      fieldPath: [...path, 'organizationalUnits', ouPath],
      value,
    })),
    ...Object.entries(accounts).map(([name, value]) => ({
      target: { kind: 'account', name } as const,
      fieldPath: [...path, 'accounts', name],
      value,
    })),
  ];
}

/** The guardrail attachments of landing-zone.yaml: the root, then each OU, then each account, in the order of the file. */
export function guardrailAttachmentTargets({ landingZone }: Pick<ConfigurationFiles<'guardrails'>, 'landingZone'>): Targeted<PolicyAttachmentsConfig>[] {
  return targetsOf(landingZone.config.guardrails.attachments, ['guardrails', 'attachments']);
}

/** Where the detective controls are deployed: the root, then each OU, then each account, in the order of the file. */
export function detectiveControlTargets({ landingZone }: Pick<ConfigurationFiles<'detectiveControls'>, 'landingZone'>): Targeted<ControlAttachmentsConfig>[] {
  return targetsOf(landingZone.config.detectiveControls.attachments, ['detectiveControls', 'attachments']);
}

/** What a target resolves to: nothing more for the root and an OU, the request of an account. */
export type TargetResolution = { readonly found: true; readonly account?: AccountRequest } | { readonly found: false; readonly issue: Issue };

/** Whether `target` names an OU of the tree or an account of a request file; the issue, at the target's field, when it does not. */
export function resolveTarget(
  { target, fieldPath }: Pick<Targeted<unknown>, 'target' | 'fieldPath'>,
  { landingZone, accounts }: Pick<ConfigurationFiles<'organizationalUnits'>, 'landingZone' | 'accounts'>,
): TargetResolution {
  const notFound = (message: string): TargetResolution => ({ found: false, issue: { file: landingZone.file, path: fieldPath, message } });
  switch (target.kind) {
    case 'root':
      return { found: true };
    case 'organizational-unit': {
      const paths = flattenOrganizationalUnits(landingZone.config.organizationalUnits).map((ou) => ou.path);
      return paths.includes(target.path) ? { found: true } : notFound(expectedOneOf('an OU path of organizationalUnits', paths, target.path));
    }
    case 'account': {
      const account = accounts.find((candidate) => candidate.config.name === target.name);
      const names = accounts.map((candidate) => candidate.config.name);
      return account ? { found: true, account } : notFound(expectedOneOf('the name of an account request', names, target.name));
    }
  }
}
