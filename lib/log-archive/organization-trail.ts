/**
 * The organization trail, owned by the management account: every account, every region,
 * global service events, log file validation, encrypted with the log archive's key into
 * its trail bucket; optionally also delivered to a CloudWatch Logs group of the management
 * account, encrypted with a key of that account that CloudWatch Logs may use for that group
 * only. Created in the scope given, for the reason `organization/organization.ts` gives.
 */
import { Cloudtrail, type CloudtrailAdvancedEventSelector, type CloudtrailAdvancedEventSelectorFieldSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { Construct } from 'constructs';
import type { OrganizationTrailConfig } from '../config/schemas/organization-trail';
import { logGroupArn, s3BucketArn } from '../iam/arns';
import type { AwsRegion } from '../iam/aws-regions';
import { accountAdministersAndUses } from '../iam/key-policies';
import { policyText } from '../iam/policy-document';
import { TRAIL_LOG_GROUP_KEY_ALIAS } from '../resource-names';
import { customerManagedKey } from '../terraform/customer-managed-key';
import { serviceRole } from '../terraform/service-role';

export interface OrganizationTrailProps {
  /** Name, data events and CloudWatch Logs delivery. */
  readonly trail: OrganizationTrailConfig;
  /** The log archive's trail bucket. */
  readonly bucket: string;
  /** The log archive's trail key. */
  readonly kmsKeyArn: string;
  /** Where the trail and its log group are. */
  readonly region: AwsRegion;
  /** Owns the trail, the log group and the log group's key. */
  readonly managementAccountId: string;
}

/**
 * Management events always; data events when asked. S3 object events leave out the trail's
 * own bucket: each delivery of log files would otherwise be an event to deliver.
 */
function trailEventSelectors(dataEvents: OrganizationTrailConfig['dataEvents'], trailBucket: string): CloudtrailAdvancedEventSelector[] {
  const dataEventsOf = (name: string, resourceType: string, ...more: CloudtrailAdvancedEventSelectorFieldSelector[]): CloudtrailAdvancedEventSelector => ({
    name,
    fieldSelector: [{ field: 'eventCategory', equalTo: ['Data'] }, { field: 'resources.type', equalTo: [resourceType] }, ...more],
  });
  return [
    { name: 'Management events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] },
    ...(dataEvents.s3
      ? [dataEventsOf('S3 object events', 'AWS::S3::Object', { field: 'resources.ARN', notStartsWith: [`${s3BucketArn(trailBucket)}/`] })]
      : []),
    ...(dataEvents.lambda ? [dataEventsOf('Lambda invocations', 'AWS::Lambda::Function')] : []),
  ];
}

/** A log group the trail also delivers to, and the role CloudTrail delivers with (for this trail only). */
function trailLogGroup(scope: Construct, props: OrganizationTrailProps, retentionDays: number): { logGroupArn: string; roleArn: string } {
  const trailName = props.trail.name;
  const name = `aws-cloudtrail-logs/${trailName}`;
  // CloudWatch Logs' own key policy, as its documentation gives it: the service, for this log group only.
  const key = customerManagedKey(scope, 'trail_log_group_key', {
    description: `Encrypts the CloudWatch Logs group ${name} of the organization trail.`,
    policy: {
      Version: '2012-10-17',
      Statement: [
        accountAdministersAndUses(props.managementAccountId),
        {
          Sid: 'CloudWatchLogsEncryptsTheTrailLogGroup',
          Effect: 'Allow',
          Principal: { Service: `logs.${props.region}.amazonaws.com` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': logGroupArn(props.region, props.managementAccountId, name) } },
        },
      ],
    },
    alias: TRAIL_LOG_GROUP_KEY_ALIAS,
  });
  const logGroup = new CloudwatchLogGroup(scope, 'trail_log_group', {
    name,
    retentionInDays: retentionDays,
    kmsKeyId: key.arn,
    lifecycle: { preventDestroy: true },
  });
  const role = serviceRole(scope, 'trail_log_delivery_role', {
    name: `${trailName}-cloudwatch-logs`,
    service: 'cloudtrail.amazonaws.com',
    // CloudTrail's CloudWatch Logs role supports neither aws:SourceArn nor aws:SourceAccount, and CreateTrail fails with either.
    onlyFor: 'unsupported',
  });
  new IamRolePolicy(scope, 'trail_log_delivery_policy', {
    role: role.name,
    name: 'deliver-trail-events',
    policy: policyText({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:log-stream:*` }],
    }),
  });
  return { logGroupArn: logGroup.arn, roleArn: role.arn };
}

export function organizationTrail(scope: Construct, props: OrganizationTrailProps): Cloudtrail {
  const { trail } = props;
  const cloudWatchLogs = trail.cloudWatchLogs && trailLogGroup(scope, props, trail.cloudWatchLogs.retentionDays);
  return new Cloudtrail(scope, 'organization_trail', {
    name: trail.name,
    s3BucketName: props.bucket,
    kmsKeyId: props.kmsKeyArn,
    isOrganizationTrail: true,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableLogging: true,
    advancedEventSelector: trailEventSelectors(trail.dataEvents, props.bucket),
    cloudWatchLogsGroupArn: cloudWatchLogs && `${cloudWatchLogs.logGroupArn}:*`,
    cloudWatchLogsRoleArn: cloudWatchLogs?.roleArn,
    lifecycle: { preventDestroy: true },
  });
}
