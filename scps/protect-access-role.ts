/**
 * Protect the access role: the role the landing zone assumes into every account cannot
 * be deleted, re-trusted or have its permissions changed from inside the account, or the
 * baseline could no longer be applied (or someone could take over the way in).
 */
import { type Guardrail, unlessExempt } from './guardrail';

export const protectAccessRole: Guardrail = {
  id: 'protect-access-role',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies changing or deleting the role the landing zone assumes into accounts, except to the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ProtectAccessRole',
        Effect: 'Deny',
        Action: [
          'iam:AttachRolePolicy',
          'iam:DeleteRole',
          'iam:DeleteRolePermissionsBoundary',
          'iam:DeleteRolePolicy',
          'iam:DetachRolePolicy',
          'iam:PutRolePermissionsBoundary',
          'iam:PutRolePolicy',
          'iam:UpdateAssumeRolePolicy',
          'iam:UpdateRole',
          'iam:UpdateRoleDescription',
        ],
        Resource: context.accessRoleArn,
        Condition: unlessExempt(context),
      },
    ],
  }),
};
