/**
 * AWS Config in every governed region of one account, delivering to the log archive.
 * Global resources (IAM users, roles, policies) are recorded once, in the home region,
 * or every region would record, and bill, the same changes. Config delivers through the
 * recorder's role (in the log-archive account, always; elsewhere first), so the role may
 * write the account's own files to the Config bucket, which admits it by its organization,
 * and encrypt them with the bucket's key, through S3 for that bucket only.
 */
import { ConfigConfigurationRecorder } from '@cdktf/provider-aws/lib/config-configuration-recorder';
import { ConfigConfigurationRecorderStatus } from '@cdktf/provider-aws/lib/config-configuration-recorder-status';
import { ConfigDeliveryChannel } from '@cdktf/provider-aws/lib/config-delivery-channel';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { awsManagedPolicyArn, s3BucketArn } from '../iam/arns';
import { throughS3ForBucket } from '../iam/key-policies';
import { policyText } from '../iam/policy-document';
import type { AwsRegion } from '../iam/aws-regions';
import { CONFIG_RECORDER_ROLE } from '../resource-names';
import { regionName } from '../terraform/terraform-names';
import { serviceRole } from '../terraform/service-role';

export interface ConfigRecorderProps {
  /** Global resources (IAM) are recorded here only. */
  readonly homeRegion: AwsRegion;
  /** A recorder and a delivery channel in each. */
  readonly governedRegions: readonly AwsRegion[];
  /** The log archive's Config bucket, in the home region. */
  readonly deliveryBucket: string;
  /** For the recorder role's trust policy: Config may assume it for this account only. */
  readonly accountId: string;
}

export class ConfigRecorder extends Construct {
  /** The recorder's status in each governed region: a Config rule there must come after it. */
  readonly recording: ReadonlyMap<AwsRegion, ConfigConfigurationRecorderStatus>;

  constructor(scope: Construct, id: string, props: ConfigRecorderProps) {
    super(scope, id);
    // A role of its own rather than Config's service-linked role, which an adopted account may already have.
    const role = serviceRole(this, 'role', { name: CONFIG_RECORDER_ROLE, service: 'config.amazonaws.com', onlyFor: { 'aws:SourceAccount': props.accountId } });
    new IamRolePolicyAttachment(this, 'role_policy', { role: role.name, policyArn: awsManagedPolicyArn('service-role/AWS_ConfigRole') });
    // AWS_ConfigRole reads resources and may read buckets, but writes to none.
    const bucket = s3BucketArn(props.deliveryBucket);
    const delivery = new IamRolePolicy(this, 'delivery_policy', {
      role: role.name,
      name: 'deliver-to-log-archive',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetBucketAcl', 's3:ListBucket'], Resource: bucket },
          {
            Effect: 'Allow',
            Action: ['s3:PutObject', 's3:PutObjectAcl'],
            Resource: `${bucket}/AWSLogs/${props.accountId}/Config/*`,
            Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
          },
          {
            Effect: 'Allow',
            Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
            Resource: '*',
            Condition: { StringEquals: throughS3ForBucket(props.homeRegion, bucket) },
          },
        ],
      }),
    });

    const recording = new Map<AwsRegion, ConfigConfigurationRecorderStatus>();
    for (const region of props.governedRegions) {
      const suffix = regionName(region);
      const recorder = new ConfigConfigurationRecorder(this, `recorder_${suffix}`, {
        region,
        name: 'default',
        roleArn: role.arn,
        recordingGroup: { allSupported: true, includeGlobalResourceTypes: region === props.homeRegion },
      });
      const channel = new ConfigDeliveryChannel(this, `delivery_channel_${suffix}`, {
        region,
        name: 'default',
        s3BucketName: props.deliveryBucket,
        snapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
        // Config checks that it can deliver when the channel is made.
        dependsOn: [recorder, delivery],
      });
      recording.set(
        region,
        new ConfigConfigurationRecorderStatus(this, `recorder_status_${suffix}`, {
          region,
          name: recorder.name,
          isEnabled: true,
          dependsOn: [channel],
        }),
      );
    }
    this.recording = recording;
  }
}
