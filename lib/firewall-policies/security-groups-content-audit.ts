/**
 * Security group content audit in custom mode: Firewall Manager compares every rule of the
 * security groups in scope with an audit security group of the administrator account.
 * With the DENY action, a rule within one of the audit group's rules is noncompliant; the
 * audit group here opens each audited port (TCP) to 0.0.0.0/0 and ::/0, the ranges that
 * hold every source.
 */

/** The resource types a content audit may scope, as the Firewall Manager API documents them. */
export const CONTENT_AUDIT_RESOURCE_TYPES = ['AWS::EC2::SecurityGroup', 'AWS::EC2::NetworkInterface', 'AWS::EC2::Instance'] as const;

/** An ingress rule of the audit security group. */
export interface AuditRule {
  readonly port: number;
  readonly cidrIpv4?: string;
  readonly cidrIpv6?: string;
}

/** The audit group's rules: every port open to every IPv4 and every IPv6 source. */
export function auditRules(ports: readonly number[]): AuditRule[] {
  return ports.flatMap((port) => [
    { port, cidrIpv4: '0.0.0.0/0' },
    { port, cidrIpv6: '::/0' },
  ]);
}

export interface SecurityGroupsContentAuditManagedServiceData {
  readonly type: 'SECURITY_GROUPS_CONTENT_AUDIT';
  readonly securityGroups: readonly { readonly id: string }[];
  readonly securityGroupAction: { readonly type: 'DENY' };
}

/** `auditSecurityGroupId` may be a Terraform reference. */
export function contentAuditManagedServiceData(auditSecurityGroupId: string): SecurityGroupsContentAuditManagedServiceData {
  return { type: 'SECURITY_GROUPS_CONTENT_AUDIT', securityGroups: [{ id: auditSecurityGroupId }], securityGroupAction: { type: 'DENY' } };
}
