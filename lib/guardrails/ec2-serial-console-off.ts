/**
 * No EC2 serial console: it is interactive access to an instance that bypasses its
 * network, its security groups and Session Manager's logging.
 */
import type { DeclarativePolicyEc2Document } from './declarative-policy-ec2';
import type { Guardrail } from './guardrail';

export const ec2SerialConsoleOff: Guardrail<DeclarativePolicyEc2Document> = {
  id: 'ec2-serial-console-off',
  type: 'DECLARATIVE_POLICY_EC2',
  description: 'Declarative policy: the EC2 serial console is disabled.',
  build: () => ({ ec2_attributes: { serial_console_access: { status: { '@@assign': 'disabled' } } } }),
};
