/**
 * Deny IAM users: people sign in through IAM Identity Center and workloads use roles, so
 * long-lived passwords and access keys have no place. Exempt principals may still create
 * them (for a vendor integration that cannot assume a role, say).
 */
import { type Guardrail, unlessExempt } from './guardrail';

export const denyIamUsers: Guardrail = {
  id: 'deny-iam-users',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies creating IAM users, their passwords, access keys and service-specific credentials, except to the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyIamUsersAndAccessKeys',
        Effect: 'Deny',
        Action: ['iam:CreateUser', 'iam:CreateLoginProfile', 'iam:CreateAccessKey', 'iam:CreateServiceSpecificCredential'],
        Resource: '*',
        Condition: unlessExempt(context),
      },
    ],
  }),
};
