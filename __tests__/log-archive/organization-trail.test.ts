/**
 * The organization trail as synthesized in the organization services stack.
 */
import { copyExample, editFile, readStack, resources, synthesize, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

const example = exampleOutput();

describe('the organization trail', () => {
  it('records every account in every region, with global events and log file validation, into the log archive with its key', () => {
    const [trail] = resources(readStack(example, 'organization-services'), 'aws_cloudtrail');
    expect(trail).toMatchObject({
      name: 'organization-trail',
      is_organization_trail: true,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      s3_bucket_name: 'example-corp-logs-cloudtrail-eu-west-1',
      kms_key_id: '${data.terraform_remote_state.log_archive.outputs.cloudtrail_kms_key_arn}',
      lifecycle: { prevent_destroy: true },
      advanced_event_selector: [{ name: 'Management events', field_selector: [{ field: 'eventCategory', equals: ['Management'] }] }],
    });
  });

  it("delivers to CloudWatch Logs through a role that may write to the trail's log group only, with no source condition, which CloudTrail does not support there", () => {
    const stack = readStack(example, 'organization-services');
    const [trail] = resources(stack, 'aws_cloudtrail');
    expect(trail.cloud_watch_logs_group_arn).toBe('${aws_cloudwatch_log_group.trail_log_group.arn}:*');
    expect(resources(stack, 'aws_cloudwatch_log_group')).toEqual([
      expect.objectContaining({ name: 'aws-cloudtrail-logs/organization-trail', retention_in_days: 90 }),
    ]);
    const [role] = resources(stack, 'aws_iam_role');
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    const [permissions] = resources(stack, 'aws_iam_role_policy');
    expect(JSON.parse(permissions.policy).Statement).toEqual([
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: '${aws_cloudwatch_log_group.trail_log_group.arn}:log-stream:*' },
    ]);
  });

  it('encrypts the log group with a key of the management account that CloudWatch Logs may use for that log group only', () => {
    const stack = readStack(example, 'organization-services');
    const [logGroup] = resources(stack, 'aws_cloudwatch_log_group');
    expect(logGroup.kms_key_id).toBe('${aws_kms_key.trail_log_group_key.arn}');
    const [key] = resources(stack, 'aws_kms_key');
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(JSON.parse(key.policy).Statement[1]).toEqual({
      Sid: 'CloudWatchLogsEncryptsTheTrailLogGroup',
      Effect: 'Allow',
      Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        ArnEquals: { 'kms:EncryptionContext:aws:logs:arn': 'arn:aws:logs:eu-west-1:111111111111:log-group:aws-cloudtrail-logs/organization-trail' },
      },
    });
  });

  it('adds data event selectors when asked, and no log group when CloudWatch delivery is off', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace('  cloudWatchLogs:\n    retentionDays: 90\n', '').replace('    s3: false\n    lambda: false', '    s3: true\n    lambda: true'),
    );
    const stack = readStack(await synthesize(dir), 'organization-services');
    const [trail] = resources(stack, 'aws_cloudtrail');
    expect(trail.advanced_event_selector.map((selector: TerraformJson) => selector.field_selector)).toEqual([
      [{ field: 'eventCategory', equals: ['Management'] }],
      [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::S3::Object'] },
        // Not the trail's own bucket: each delivery of log files would be an event to deliver.
        { field: 'resources.ARN', not_starts_with: ['arn:aws:s3:::example-corp-logs-cloudtrail-eu-west-1/'] },
      ],
      [
        { field: 'eventCategory', equals: ['Data'] },
        { field: 'resources.type', equals: ['AWS::Lambda::Function'] },
      ],
    ]);
    expect(trail.cloud_watch_logs_group_arn).toBeUndefined();
    expect(resources(stack, 'aws_cloudwatch_log_group')).toEqual([]);
  });
});
