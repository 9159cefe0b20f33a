/**
 * Protect the landing zone's roles and the exempt principals. The role the landing zone
 * assumes into every account, and the roles it creates there (`landing-zone-*`: the alert
 * forwarder, the Config recorder), cannot be created, re-trusted, have their permissions
 * changed or be deleted from inside the account, or the baseline could no longer be applied
 * and the alerts would go quiet. The exempt principals are guarded the same way, because
 * the guardrails recognize them by name: without this, an administrator could create a
 * role called like one (a break-glass role in an account that has none yet), assume it,
 * and escape every guardrail that exempts it. Nor can an exempt role be passed to a service
 * (a function, or instances through an instance profile), which would then act as it. Only the exempt
 * principals themselves may manage these roles.
 */
import { RESOURCE_NAME_PREFIX } from '../resource-names';
import { iamRoleArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';

const ROLE_ACTIONS = [
  'iam:AttachRolePolicy',
  'iam:CreateRole',
  'iam:DeleteRole',
  'iam:DeleteRolePermissionsBoundary',
  'iam:DeleteRolePolicy',
  'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary',
  'iam:PutRolePolicy',
  'iam:UpdateAssumeRolePolicy',
  'iam:UpdateRole',
  'iam:UpdateRoleDescription',
];

/** For exempt users: creating one, any credential that acts as it, and its permissions. */
const USER_ACTIONS = [
  'iam:AddUserToGroup',
  'iam:AttachUserPolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:CreateServiceSpecificCredential',
  'iam:CreateUser',
  'iam:DeleteUser',
  'iam:DeleteUserPermissionsBoundary',
  'iam:DeleteUserPolicy',
  'iam:DetachUserPolicy',
  'iam:PutUserPermissionsBoundary',
  'iam:PutUserPolicy',
  'iam:UpdateAccessKey',
  'iam:UpdateLoginProfile',
  'iam:UploadSigningCertificate',
  'iam:UploadSSHPublicKey',
];

export const protectLandingZoneRoles: Guardrail = {
  id: 'protect-landing-zone-roles',
  type: 'SERVICE_CONTROL_POLICY',
  description: "Denies creating, changing or deleting the landing zone's roles and the exempt principals, except to the exempt principals.",
  build: (context) => {
    const exemptRoles = context.exemptPrincipalArns.filter((arn) => arn.includes(':role/'));
    const exemptUsers = context.exemptPrincipalArns.filter((arn) => arn.includes(':user/'));
    return {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ProtectLandingZoneRoles',
          Effect: 'Deny',
          Action: ROLE_ACTIONS,
          Resource: [...new Set([...exemptRoles, iamRoleArn('*', `${RESOURCE_NAME_PREFIX}-*`)])],
          Condition: unlessExempt(context),
        },
        // The access role is always among the exempt roles.
        { Sid: 'DenyPassingExemptRoles', Effect: 'Deny', Action: 'iam:PassRole', Resource: exemptRoles, Condition: unlessExempt(context) },
        ...(exemptUsers.length > 0
          ? [{ Sid: 'ProtectExemptUsers', Effect: 'Deny' as const, Action: USER_ACTIONS, Resource: exemptUsers, Condition: unlessExempt(context) }]
          : []),
      ],
    };
  },
};
