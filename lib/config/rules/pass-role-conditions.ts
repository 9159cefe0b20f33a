/**
 * A permission set's policy that lets its users pass roles (`iam:PassRole`) names the
 * services the roles are for (`iam:PassedToService`): without it, a role meant for a Lambda
 * function can be handed to any service that takes one, a service that then acts with the
 * role's permissions. Statements granting every IAM action, or every action, are left
 * alone: they grant more than roles to pass.
 */
import type { FieldPath, Issue } from '../../diagnostics';
import { iamWildcardPattern } from '../../iam/iam-wildcards';
import type { PolicyDocument } from '../../iam/policy-document';
import type { ConfigurationFiles } from '../configuration-files';

type Files = Pick<ConfigurationFiles<'identityCenter'>, 'landingZone' | 'permissionSetPolicies'>;

const BROAD_ACTIONS = new Set(['*', 'iam:*']);

/** `iam:PassRole`, or a wildcard of IAM's own that covers it, short of every IAM action. */
function namesPassRole(action: string): boolean {
  return !BROAD_ACTIONS.has(action.toLowerCase()) && iamWildcardPattern(action).test('iam:PassRole');
}

function hasPassedToService(condition: PolicyDocument['Statement'][number]['Condition']): boolean {
  return Object.values(condition ?? {}).some((keys) => Object.keys(keys).some((key) => key.toLowerCase() === 'iam:passedtoservice'));
}

/** A warning for each statement of `document` (at `path` in `file`) that lets roles be passed to any service. */
export function passRoleIssues(file: string, path: FieldPath, document: PolicyDocument): Issue[] {
  return document.Statement.flatMap((statement, index) => {
    const actions = statement.Action === undefined ? [] : typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
    if (statement.Effect !== 'Allow' || !actions.some(namesPassRole) || hasPassedToService(statement.Condition)) return [];
    return [
      {
        file,
        path: [...path, 'Statement', index],
        severity: 'warning' as const,
        message: `allows iam:PassRole with no iam:PassedToService condition, so the roles can be passed to any AWS service; add "Condition": { "StringEquals": { "iam:PassedToService": [...] } } with the services the roles are for (lambda.amazonaws.com, ecs-tasks.amazonaws.com, ...)`,
      },
    ];
  });
}

export function passRoleConditions({ landingZone, permissionSetPolicies }: Files): Issue[] {
  const identityCenter = landingZone.config.identityCenter;
  return [
    ...Object.entries(identityCenter?.permissionSets ?? {}).flatMap(([name, set]) =>
      set.inlinePolicy ? passRoleIssues(landingZone.file, ['identityCenter', 'permissionSets', name, 'inlinePolicy'], set.inlinePolicy) : [],
    ),
    ...permissionSetPolicies.flatMap((policy) => passRoleIssues(policy.file, [], policy.config)),
    ...Object.entries(identityCenter?.customerManagedPolicies ?? {}).flatMap(([name, policy]) =>
      passRoleIssues(landingZone.file, ['identityCenter', 'customerManagedPolicies', name, 'document'], policy.document),
    ),
  ];
}
