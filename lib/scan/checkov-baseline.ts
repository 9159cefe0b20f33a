/**
 * The checks checkov fails on the synthesized output that the landing zone accepts, each
 * for one check and one pattern of resources, with the reason. `npm run scan` fails on a
 * failed check no entry accepts and reports an entry that accepts nothing any more. A
 * pattern names a resource as `<stack>/<Terraform name>`, `*` standing for any characters
 * (Terraform names end with a hash of the construct path).
 */
export interface BaselineEntry {
  /** checkov's check id, such as `CKV_AWS_145`. */
  readonly check: string;
  readonly resources: string;
  /** Why the landing zone fails this check on these resources. */
  readonly reason: string;
}

const LOG_BUCKETS = ['log-archive/*_bucket_*', 'firewall-manager/firewall_manager_waf_logs_*_bucket_*'];
const AUDIT_SECURITY_GROUP_RULES = 'firewall-manager/firewall_manager_security_group_*_ingress_*';

export const CHECKOV_BASELINE: readonly BaselineEntry[] = [
  {
    check: 'CKV2_AWS_11',
    resources: 'firewall-manager/firewall_manager_reference_vpc_*',
    reason:
      "A Firewall Manager reference VPC has no subnet and so no network interface: nothing flows there to log. It exists only to hold the audit policy's reference security groups.",
  },
  ...LOG_BUCKETS.map((resources) => ({
    check: 'CKV2_AWS_62',
    resources,
    reason:
      'A log bucket notifies nobody of each object written: the alerts come from the events themselves (EventBridge rules on CloudTrail, GuardDuty and Security Hub).',
  })),
  ...LOG_BUCKETS.map((resources) => ({
    check: 'CKV_AWS_144',
    resources,
    reason:
      'Logs stay in the home region, a governed one; a copy elsewhere is what the guardrails deny (s3:PutReplicationConfiguration). Versioning, object lock on the trail bucket and the protections keep them.',
  })),
  {
    check: 'CKV_AWS_145',
    resources: 'log-archive/access_logs_bucket_*',
    reason: 'S3 server access logging delivers only to a bucket encrypted with SSE-S3, not SSE-KMS.',
  },
  {
    check: 'CKV_AWS_145',
    resources: 'firewall-manager/firewall_manager_waf_logs_access_logs_*_bucket_*',
    reason: 'S3 server access logging delivers only to a bucket encrypted with SSE-S3, not SSE-KMS.',
  },
  {
    check: 'CKV_AWS_70',
    resources: 'log-archive/config_policy_*',
    reason:
      'The Config bucket admits `"Principal": "*"` narrowed by conditions checkov does not read: this organization\'s accounts (aws:PrincipalOrgID) and their recorder role (aws:PrincipalArn), each under its own prefix.',
  },
  {
    check: 'CKV2_AWS_48',
    resources: 'baseline-*/config_recorder_*',
    reason:
      'Global resource types (IAM) are recorded in the home region only, or every region would record, and bill, the same changes; checkov asks it of every recorder.',
  },
  {
    check: 'CKV_AWS_121',
    resources: 'security/config_aggregator_*',
    reason: 'The organization aggregator gathers the governed regions, the only ones Config records in: the region deny keeps workloads out of the others.',
  },
  {
    check: 'CKV2_AWS_5',
    resources: 'firewall-manager/firewall_manager_security_group_*',
    reason: "A security group policy's audit or primary group is a reference Firewall Manager compares with or copies, attached to no resource.",
  },
  {
    check: 'CKV_AWS_23',
    resources: AUDIT_SECURITY_GROUP_RULES,
    reason: "The audit group's rules are the patterns Firewall Manager reports, never attached to traffic; each opens the one port its policy lists.",
  },
  {
    check: 'CKV_AWS_24',
    resources: AUDIT_SECURITY_GROUP_RULES,
    reason: 'The audit group opens port 22 to every source on purpose: Firewall Manager reports any rule within it (a content audit that denies).',
  },
  {
    check: 'CKV_AWS_25',
    resources: AUDIT_SECURITY_GROUP_RULES,
    reason: 'The audit group opens port 3389 to every source on purpose: Firewall Manager reports any rule within it (a content audit that denies).',
  },
  {
    check: 'CKV_AWS_252',
    resources: 'organization-services/organization_trail',
    reason:
      'A notification per delivered log file would be noise: the alerts come from EventBridge rules on the events, and the trail-tampering alert watches the trail.',
  },
  {
    check: 'CKV_AWS_338',
    resources: 'organization-services/trail_log_group',
    reason:
      'The log group is for searching recent events and keeps them as long as organizationTrail.cloudWatchLogs.retentionDays says; the trail bucket keeps every event for years, under object lock.',
  },
  {
    check: 'CKV_AWS_274',
    resources: 'identity-center/permission_set_*_AdministratorAccess',
    reason:
      "A permission set the configuration gives AdministratorAccess (the example's Administrator, for the platform team, one-hour sessions); the guardrails bind it as any other principal of a member account.",
  },
];
