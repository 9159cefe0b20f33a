/**
 * Root user lockdown: the root user of a member account can do nothing. Root credentials
 * cannot be scoped or audited per person; the few tasks that need them are done through
 * centralized root access: a root session (`sts:AssumeRoot`) from the management account,
 * scoped by AWS to one task. SCPs restrict a root session as they do the root user, so
 * while centralized root access is on, requests of a root session (`aws:AssumedRoot`)
 * are exempt, as in AWS's own example and Control Tower's `ExemptAssumeRoot`: otherwise
 * the lockdown would block the one way left to unlock a bucket or reset root credentials.
 */
import { accountRootArn } from '../iam/arns';
import type { Guardrail } from './guardrail';

export const rootUserLockdown: Guardrail = {
  id: 'root-user-lockdown',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies every action to the root user of member accounts, but to root sessions of centralized root access when it is on.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyRootUser',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: {
          ArnLike: { 'aws:PrincipalArn': accountRootArn('*') },
          ...(context.centralizedRootAccess ? { Null: { 'aws:AssumedRoot': 'true' } } : {}),
        },
      },
    ],
  }),
};
