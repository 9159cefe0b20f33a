/**
 * Root user lockdown: the root user of a member account can do nothing. Root credentials
 * cannot be scoped or audited per person; the few tasks that need them are done through
 * centralized root access from the management account, which SCPs do not restrict.
 */
import { accountRootArn } from '../iam/arns';
import type { Guardrail } from './guardrail';

export const rootUserLockdown: Guardrail = {
  id: 'root-user-lockdown',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies every action to the root user of member accounts.',
  build: () => ({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'DenyRootUser',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { ArnLike: { 'aws:PrincipalArn': accountRootArn('*') } },
      },
    ],
  }),
};
