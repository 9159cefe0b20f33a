/**
 * The attributes whose change makes Terraform replace a resource (ForceNew in AWS's
 * provider), for the resources whose replacement loses something: an account, a log
 * bucket, a key, the organization, an OU, a trail, a log group, a role, the alert path.
 * The provider gives the same answer in a plan's `replace_paths`; for synthesized outputs
 * it is read from here.
 */
export const REPLACING_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  // The account name is updated in place since AWS added PutAccountName (provider 5.97).
  aws_organizations_account: ['email', 'role_name', 'create_govcloud'],
  aws_organizations_organization: ['feature_set'],
  // Organizations has no call to move an OU.
  aws_organizations_organizational_unit: ['parent_id'],
  aws_s3_bucket: ['bucket', 'bucket_prefix', 'object_lock_enabled'],
  aws_kms_key: ['customer_master_key_spec', 'key_usage', 'multi_region', 'custom_key_store_id', 'xks_key_id'],
  aws_kms_alias: ['name', 'name_prefix'],
  aws_cloudtrail: ['name'],
  aws_cloudwatch_log_group: ['name', 'name_prefix', 'log_group_class'],
  aws_iam_role: ['name', 'name_prefix', 'path'],
  aws_sns_topic: ['name', 'name_prefix', 'fifo_topic'],
  aws_cloudwatch_event_bus: ['name'],
  aws_config_configuration_recorder: ['name'],
  aws_ssoadmin_permission_set: ['name', 'instance_arn'],
};

/** The attributes of `changed` (paths) that replace a resource of `type`. */
export function replacingChanges(type: string, changed: readonly string[]): string[] {
  const replacing = REPLACING_ATTRIBUTES[type] ?? [];
  return [...new Set(changed.map((path) => path.split('.')[0]).filter((attribute) => replacing.includes(attribute)))].sort();
}
