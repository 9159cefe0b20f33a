/**
 * Who can do what in each account, read back from an output: every (principal, permission
 * set) assigned there, whatever grant brought it (root, OU, account or request file), and
 * the privileged rights the permission set hands out. AWS managed policies are classified
 * by name; inline policies are read with the evaluator's own statement parsing and action
 * matching for the privileged actions they allow. A change is judged by what each account
 * gains, so the same right reached through a grant, a move or a policy edit is one risk.
 */
import { statementsOf } from '../iam/evaluation/evaluated-policy';
import { actionMatches } from '../iam/evaluation/name-matching';
import type { OrganizationView, PermissionSetFacts } from './organization-view';
import { embeddedDocument } from './value-diff';

/**
 * AWS managed job-function and service policies by what they hand out. Sources: AWS
 * managed policies for job functions
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html) and
 * the AWS Managed Policy reference (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/).
 * The privileged classes are those that can change who may do what.
 */
const MANAGED_POLICY_CLASSES: Readonly<Record<string, { readonly label: string; readonly privileged: boolean }>> = {
  AdministratorAccess: { label: 'administrator', privileged: true },
  PowerUserAccess: { label: 'power user', privileged: true },
  IAMFullAccess: { label: 'IAM write', privileged: true },
  AWSOrganizationsFullAccess: { label: 'Organizations write', privileged: true },
  SystemAdministrator: { label: 'system administrator', privileged: true },
  NetworkAdministrator: { label: 'network administrator', privileged: true },
  DatabaseAdministrator: { label: 'database administrator', privileged: true },
  SecurityAudit: { label: 'security audit', privileged: false },
  ReadOnlyAccess: { label: 'read-only', privileged: false },
  ViewOnlyAccess: { label: 'view-only', privileged: false },
  Billing: { label: 'billing', privileged: false },
  AWSSupportAccess: { label: 'support', privileged: false },
};

/**
 * Actions that change who may do what, or blind what watches: allowed by an inline policy,
 * each is a privileged right. `anyResource` rights count only on `Resource: "*"`.
 */
const PRIVILEGED_ACTIONS: readonly { readonly action: string; readonly anyResource?: boolean; readonly unlessCondition?: string }[] = [
  { action: 'iam:PassRole', unlessCondition: 'iam:PassedToService' },
  { action: 'iam:CreatePolicyVersion' },
  { action: 'iam:AttachRolePolicy' },
  { action: 'iam:AttachUserPolicy' },
  { action: 'iam:PutRolePolicy' },
  { action: 'iam:CreateUser' },
  { action: 'iam:CreateAccessKey' },
  { action: 'iam:UpdateAssumeRolePolicy' },
  { action: 'sts:AssumeRole', anyResource: true },
  { action: 'organizations:DetachPolicy' },
  { action: 'organizations:LeaveOrganization' },
  { action: 'kms:PutKeyPolicy', anyResource: true },
  { action: 'kms:ScheduleKeyDeletion', anyResource: true },
  { action: 's3:PutBucketPolicy' },
  { action: 's3:DeleteBucketPolicy' },
  { action: 'cloudtrail:StopLogging' },
  { action: 'guardduty:DeleteDetector' },
];

/** The privileged actions an inline policy allows: `*` for a statement that allows every action. */
function privilegedActionsOf(policy: string | undefined): string[] {
  const document = embeddedDocument(policy);
  if (document === undefined) return [];
  const found = new Set<string>();
  for (const statement of statementsOf(document)) {
    if (statement.effect !== 'Allow') continue;
    const allows = (action: string) =>
      statement.action.element === 'Action'
        ? statement.action.patterns.some((pattern) => actionMatches(pattern, action))
        : !statement.action.patterns.some((pattern) => actionMatches(pattern, action));
    if (statement.action.element === 'Action' && statement.action.patterns.includes('*')) {
      found.add('*');
      continue;
    }
    const onAnyResource = statement.resource.element === 'Resource' && statement.resource.patterns.includes('*');
    for (const { action, anyResource, unlessCondition } of PRIVILEGED_ACTIONS) {
      if (!allows(action) || (anyResource && !onAnyResource)) continue;
      if (unlessCondition && statement.conditions.some((condition) => condition.key.toLowerCase() === unlessCondition.toLowerCase())) continue;
      found.add(unlessCondition ? `${action} without ${unlessCondition}` : anyResource ? `${action} on *` : action);
    }
  }
  return [...found].sort();
}

/** The privileged rights a permission set hands out, in words, sorted. */
function privilegedRightsOf(set: PermissionSetFacts | undefined): string[] {
  if (!set) return [];
  const managed = set.managedPolicyArns.flatMap((arn) => {
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    const facts = Object.hasOwn(MANAGED_POLICY_CLASSES, name) ? MANAGED_POLICY_CLASSES[name] : undefined;
    return facts?.privileged ? [`${facts.label} (${name})`] : [];
  });
  return [...managed, ...privilegedActionsOf(set.inlinePolicy)].sort();
}

/** One (principal, permission set) of an account, with the privileged rights it hands out there. */
export interface AccessEntry {
  readonly principal: string;
  readonly permissionSet: string;
  readonly rights: readonly string[];
}

/** Every account's access, by account key, then `principal\u0000permission set`. */
export function accessPostureOf(view: OrganizationView): Map<string, Map<string, AccessEntry>> {
  const rightsBySet = new Map([...view.permissionSets].map(([name, set]) => [name, privilegedRightsOf(set)]));
  const posture = new Map<string, Map<string, AccessEntry>>();
  for (const [key, assignments] of view.assignments) {
    const entries = new Map<string, AccessEntry>();
    for (const assignment of assignments) {
      const [principal, permissionSet] = assignment.split('\u0000');
      entries.set(assignment, { principal, permissionSet, rights: rightsBySet.get(permissionSet) ?? [] });
    }
    posture.set(key, entries);
  }
  return posture;
}
