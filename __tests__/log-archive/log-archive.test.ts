/**
 * The log archive as synthesized: the hardening of each bucket and key, and what their
 * policies allow, decided by an IAM policy simulator on the policies read back from the
 * synthesized Terraform.
 */
import { anonymousPrincipal, runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { copyExample, editFile, readStack, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { issuesOf } from '../support/read-configuration';
import { policyFromTerraform } from '../support/terraform-values';

const MANAGEMENT = '111111111111';
const LOG_ARCHIVE = '222222222222';
const SECURITY = '333333333333';
const ORGANIZATION = 'o-exampleorg1';
const TRAIL = `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/organization-trail`;
const BUCKETS = {
  cloudTrail: 'example-corp-logs-cloudtrail-eu-west-1',
  config: 'example-corp-logs-config-eu-west-1',
  sessionLogs: 'example-corp-logs-session-logs-eu-west-1',
  accessLogs: 'example-corp-logs-access-logs-eu-west-1',
};

/** The values of the references in the log archive's policies once deployed. */
const DEPLOYED = {
  'data.aws_organizations_organization.organization.id': ORGANIZATION,
  'data.terraform_remote_state.account_log_archive.outputs.account_id': LOG_ARCHIVE,
  'data.terraform_remote_state.account_security.outputs.account_id': SECURITY,
};

let stack: TerraformJson;
beforeAll(async () => {
  stack = readStack(exampleOutput(), 'log-archive');
});

/** The resource of `type` made by the construct at `path` (below the stack). */
function resourceAt(type: string, path: string): TerraformJson {
  const found = Object.values<TerraformJson>(stack.resource[type] ?? {}).filter((resource) => resource['//'].metadata.path === `log-archive/${path}`);
  if (found.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${found.length}`);
  return found[0];
}

const bucketPolicy = (bucket: string) => policyFromTerraform(resourceAt('aws_s3_bucket_policy', `${bucket}/policy`).policy, DEPLOYED);

interface Request {
  readonly principal: string | typeof anonymousPrincipal;
  readonly action: string;
  readonly resource: string;
  readonly context?: Record<string, string>;
}

async function decide(resourcePolicy: unknown, { principal, action, resource, context = {} }: Request): Promise<string> {
  const isAccountPrincipal = typeof principal === 'string' && principal.startsWith('arn:');
  const simulation: Simulation = {
    request: {
      principal,
      action,
      resource: { resource, accountId: LOG_ARCHIVE },
      contextVariables: { 'aws:SecureTransport': 'true', ...(isAccountPrincipal ? { 'aws:PrincipalArn': principal as string } : {}), ...context },
    },
    identityPolicies: isAccountPrincipal
      ? [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }]
      : [],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy,
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === 'error') throw new Error(`the simulation of ${action} rejected its input: ${JSON.stringify(response.errors)}`);
  return response.overallResult;
}

const allowed = 'Allowed';

describe('the trail bucket', () => {
  const object = (key: string) => `arn:aws:s3:::${BUCKETS.cloudTrail}/${key}`;
  const cloudTrailWrite = (key: string, sourceArn = TRAIL, context: Record<string, string> = {}) => ({
    principal: 'cloudtrail.amazonaws.com',
    action: 's3:PutObject',
    resource: object(key),
    context: { 'aws:SourceArn': sourceArn, 'aws:SourceAccount': MANAGEMENT, 's3:x-amz-acl': 'bucket-owner-full-control', ...context },
  });

  it('has object lock with the configured mode and retention, versioning, SSE-KMS with a bucket key, no ACLs and no public access', () => {
    expect(resourceAt('aws_s3_bucket', 'cloudtrail/bucket')).toMatchObject({
      bucket: BUCKETS.cloudTrail,
      object_lock_enabled: true,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(resourceAt('aws_s3_bucket_object_lock_configuration', 'cloudtrail_object_lock').rule).toEqual({
      default_retention: { mode: 'GOVERNANCE', days: 365 },
    });
    expect(resourceAt('aws_s3_bucket_versioning', 'cloudtrail/versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(resourceAt('aws_s3_bucket_server_side_encryption_configuration', 'cloudtrail/encryption').rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: '${aws_kms_key.cloudtrail_key.arn}' },
        bucket_key_enabled: true,
      },
    ]);
    expect(resourceAt('aws_s3_bucket_ownership_controls', 'cloudtrail/ownership').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
    expect(resourceAt('aws_s3_bucket_public_access_block', 'cloudtrail/public_access_block')).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it('archives after 90 days, expires after seven years, never before the lock ends, and logs its access to the access-logs bucket', () => {
    const [rule] = resourceAt('aws_s3_bucket_lifecycle_configuration', 'cloudtrail/lifecycle').rule;
    expect(rule).toMatchObject({
      status: 'Enabled',
      transition: [{ days: 90, storage_class: 'GLACIER' }],
      expiration: [{ days: 2557 }],
      noncurrent_version_expiration: [{ noncurrent_days: 2557 }],
    });
    const accessLogs = Object.entries<TerraformJson>(stack.resource.aws_s3_bucket).find(([, bucket]) => bucket.bucket === BUCKETS.accessLogs)![0];
    const accessLogsPolicy = Object.entries<TerraformJson>(stack.resource.aws_s3_bucket_policy).find(
      ([, policy]) => policy['//'].metadata.path === 'log-archive/access_logs/policy',
    )![0];
    // S3 refuses a logging target that does not exist yet, or that does not yet let the logging service write.
    expect(resourceAt('aws_s3_bucket_logging', 'cloudtrail/access_logging')).toMatchObject({
      target_bucket: `\${aws_s3_bucket.${accessLogs}.id}`,
      target_prefix: `${BUCKETS.cloudTrail}/`,
      depends_on: [`aws_s3_bucket_policy.${accessLogsPolicy}`],
    });
  });

  it('lets CloudTrail check its ACL and write under the management account and organization prefixes, for this trail only', async () => {
    const policy = bucketPolicy('cloudtrail');
    expect(
      await decide(policy, {
        principal: 'cloudtrail.amazonaws.com',
        action: 's3:GetBucketAcl',
        resource: `arn:aws:s3:::${BUCKETS.cloudTrail}`,
        context: { 'aws:SourceArn': TRAIL },
      }),
    ).toBe(allowed);
    expect(await decide(policy, cloudTrailWrite(`AWSLogs/${MANAGEMENT}/CloudTrail/eu-west-1/2026/11/23/log.json.gz`))).toBe(allowed);
    expect(await decide(policy, cloudTrailWrite(`AWSLogs/${ORGANIZATION}/${SECURITY}/CloudTrail/eu-west-1/2026/11/23/log.json.gz`))).toBe(allowed);
  });

  it.each([
    ['another organization trail', cloudTrailWrite(`AWSLogs/${ORGANIZATION}/x.json.gz`, 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/organization-trail')],
    ['another trail of the management account', cloudTrailWrite(`AWSLogs/${MANAGEMENT}/x.json.gz`, `arn:aws:cloudtrail:eu-west-1:${MANAGEMENT}:trail/other`)],
    ['a prefix outside the organization', cloudTrailWrite('AWSLogs/o-otherorg99/x.json.gz')],
    ['the bucket root', cloudTrailWrite('x.json.gz')],
    ['a write without bucket-owner-full-control', cloudTrailWrite(`AWSLogs/${MANAGEMENT}/x.json.gz`, TRAIL, { 's3:x-amz-acl': 'private' })],
    ['a write over plain HTTP', cloudTrailWrite(`AWSLogs/${MANAGEMENT}/x.json.gz`, TRAIL, { 'aws:SecureTransport': 'false' })],
  ])('refuses %s', async (_case, request) => {
    expect(await decide(bucketPolicy('cloudtrail'), request)).not.toBe(allowed);
  });

  it('lets the security account read the logs over TLS, and nobody else', async () => {
    const policy = bucketPolicy('cloudtrail');
    const read = { action: 's3:GetObject', resource: object(`AWSLogs/${MANAGEMENT}/x.json.gz`) };
    expect(await decide(policy, { ...read, principal: `arn:aws:iam::${SECURITY}:role/Investigator` })).toBe(allowed);
    expect(await decide(policy, { ...read, principal: `arn:aws:iam::${SECURITY}:role/Investigator`, context: { 'aws:SecureTransport': 'false' } })).toBe(
      'ExplicitlyDenied',
    );
    expect(await decide(policy, { ...read, principal: 'arn:aws:iam::999999999999:role/Admin' })).not.toBe(allowed);
    expect(await decide(policy, { ...read, principal: anonymousPrincipal, context: {} })).not.toBe(allowed);
  });
});

describe('the trail key', () => {
  const keyPolicy = () => policyFromTerraform(resourceAt('aws_kms_key', 'cloudtrail_key').policy, DEPLOYED);
  const key = `arn:aws:kms:eu-west-1:${LOG_ARCHIVE}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  const kms = (principal: string, action: string, context: Record<string, string> = {}) => ({ principal, action, resource: key, context });

  it('rotates, and cannot be destroyed by a plan', () => {
    expect(resourceAt('aws_kms_key', 'cloudtrail_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
  });

  it('lets CloudTrail encrypt only for this trail, with the trail named in the encryption context', () => {
    // The simulator does not read encryption context keys; the statement's shape is checked instead.
    const statement = keyPolicy().Statement.find((candidate: any) => candidate.Sid === 'CloudTrailEncryptForThisTrail');
    expect(statement).toEqual({
      Sid: 'CloudTrailEncryptForThisTrail',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 'kms:GenerateDataKey*',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceArn': TRAIL, 'kms:EncryptionContext:aws:cloudtrail:arn': TRAIL } },
    });
  });

  it('lets CloudTrail describe the key and decrypt with it (the S3 Bucket Key needs it) for this trail, and refuses it for another trail', async () => {
    const otherTrail = 'arn:aws:cloudtrail:eu-west-1:999999999999:trail/organization-trail';
    for (const action of ['kms:DescribeKey', 'kms:Decrypt']) {
      expect(await decide(keyPolicy(), kms('cloudtrail.amazonaws.com', action, { 'aws:SourceArn': TRAIL }))).toBe(allowed);
      expect(await decide(keyPolicy(), kms('cloudtrail.amazonaws.com', action, { 'aws:SourceArn': otherTrail }))).not.toBe(allowed);
    }
    expect(await decide(keyPolicy(), kms('cloudtrail.amazonaws.com', 'kms:GenerateDataKey', { 'aws:SourceArn': otherTrail }))).not.toBe(allowed);
  });

  it('lets the security account decrypt, and nobody else use the key', async () => {
    const investigator = `arn:aws:iam::${SECURITY}:role/Investigator`;
    expect(await decide(keyPolicy(), kms(investigator, 'kms:Decrypt', { 'kms:CallerAccount': SECURITY }))).toBe(allowed);
    expect(await decide(keyPolicy(), kms(`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`, 'kms:Decrypt', { 'kms:CallerAccount': LOG_ARCHIVE }))).not.toBe(allowed);
    expect(await decide(keyPolicy(), kms(`arn:aws:iam::${LOG_ARCHIVE}:role/Admin`, 'kms:GenerateDataKey', { 'kms:CallerAccount': LOG_ARCHIVE }))).not.toBe(
      allowed,
    );
    expect(await decide(keyPolicy(), kms('arn:aws:iam::999999999999:role/Admin', 'kms:Decrypt', { 'kms:CallerAccount': '999999999999' }))).not.toBe(allowed);
  });

  it('leaves the key administrable by the log-archive account, without key grants among its actions', async () => {
    const administrator = `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole`;
    for (const action of ['kms:PutKeyPolicy', 'kms:CreateAlias', 'kms:EnableKeyRotation', 'kms:RevokeGrant']) {
      expect(await decide(keyPolicy(), kms(administrator, action))).toBe(allowed);
    }
    expect(await decide(keyPolicy(), kms(administrator, 'kms:CreateGrant'))).not.toBe(allowed);
  });
});

describe('the Config bucket', () => {
  it('has no object lock, which AWS Config cannot deliver to, and the other hardening', () => {
    expect(resourceAt('aws_s3_bucket', 'config/bucket')).toMatchObject({ bucket: BUCKETS.config, lifecycle: { prevent_destroy: true } });
    expect(resourceAt('aws_s3_bucket', 'config/bucket').object_lock_enabled).toBeUndefined();
    expect(resourceAt('aws_s3_bucket_public_access_block', 'config/public_access_block')).toMatchObject({
      block_public_policy: true,
      restrict_public_buckets: true,
    });
  });

  it('lets the recorder role of each account of this organization deliver under its own AWSLogs/<account>/Config/ only, and nobody else', async () => {
    const policy = bucketPolicy('config');
    const recorder = (account: string) => `arn:aws:iam::${account}:role/landing-zone-config-recorder`;
    const deliver = (principal: string, key: string, { acl = 'bucket-owner-full-control', organization = ORGANIZATION } = {}) => ({
      principal,
      action: 's3:PutObject',
      resource: `arn:aws:s3:::${BUCKETS.config}/${key}`,
      context: { 's3:x-amz-acl': acl, 'aws:PrincipalOrgID': organization, 'aws:PrincipalAccount': principal.split(':')[4] ?? '' },
    });
    const history = (account: string) => `AWSLogs/${account}/Config/eu-central-1/2026/11/23/ConfigHistory/x.json.gz`;
    expect(
      await decide(policy, {
        principal: recorder(SECURITY),
        action: 's3:GetBucketAcl',
        resource: `arn:aws:s3:::${BUCKETS.config}`,
        context: { 'aws:PrincipalOrgID': ORGANIZATION },
      }),
    ).toBe(allowed);
    expect(await decide(policy, deliver(recorder(SECURITY), history(SECURITY)))).toBe(allowed);
    expect(await decide(policy, deliver(recorder(SECURITY), history(LOG_ARCHIVE)))).not.toBe(allowed);
    expect(await decide(policy, deliver(recorder(SECURITY), `AWSLogs/${SECURITY}/CloudTrail/x.json.gz`))).not.toBe(allowed);
    expect(await decide(policy, deliver(recorder(SECURITY), history(SECURITY), { acl: 'private' }))).not.toBe(allowed);
    expect(await decide(policy, deliver(recorder('999999999999'), history('999999999999'), { organization: 'o-elsewhere12' }))).not.toBe(allowed);
    expect(await decide(policy, deliver(`arn:aws:iam::${SECURITY}:role/someone-else`, history(SECURITY)))).not.toBe(allowed);
    // As its service principal, Config names no organization: it is not admitted at all.
    expect(
      await decide(policy, {
        principal: 'config.amazonaws.com',
        action: 's3:PutObject',
        resource: `arn:aws:s3:::${BUCKETS.config}/${history(SECURITY)}`,
        context: { 's3:x-amz-acl': 'bucket-owner-full-control' },
      }),
    ).not.toBe(allowed);
  });
});

describe('the session logs bucket', () => {
  const write = (principalAccount: string, prefix: string, organization = ORGANIZATION) => ({
    principal: `arn:aws:iam::${principalAccount}:role/app-instance-role`,
    action: 's3:PutObject',
    resource: `arn:aws:s3:::${BUCKETS.sessionLogs}/${prefix}/session-0123.log`,
    context: { 'aws:PrincipalOrgID': organization, 'aws:PrincipalAccount': principalAccount },
  });

  it('keeps the IAM policy variable for Terraform to pass on: $${aws:PrincipalAccount}', () => {
    expect(resourceAt('aws_s3_bucket_policy', 'session_logs/policy').policy).toContain(`arn:aws:s3:::${BUCKETS.sessionLogs}/$\${aws:PrincipalAccount}/*`);
  });

  it("lets an account of the organization write under its own id, not another account's, and no other organization", async () => {
    const policy = bucketPolicy('session_logs');
    expect(await decide(policy, write('555555555555', '555555555555'))).toBe(allowed);
    expect(await decide(policy, write('555555555555', '666666666666'))).not.toBe(allowed);
    expect(await decide(policy, write('999999999999', '999999999999', 'o-otherorg99'))).not.toBe(allowed);
  });
});

describe('the access-logs bucket', () => {
  it('takes server access logs of the log buckets from S3 logging, in the log-archive account only', async () => {
    const policy = bucketPolicy('access_logs');
    const deliver = (sourceBucket: string, sourceAccount = LOG_ARCHIVE) => ({
      principal: 'logging.s3.amazonaws.com',
      action: 's3:PutObject',
      resource: `arn:aws:s3:::${BUCKETS.accessLogs}/${sourceBucket}/2026-11-23-00-00-00-0123456789ABCDEF`,
      context: { 'aws:SourceArn': `arn:aws:s3:::${sourceBucket}`, 'aws:SourceAccount': sourceAccount },
    });
    expect(await decide(policy, deliver(BUCKETS.cloudTrail))).toBe(allowed);
    expect(await decide(policy, deliver('someone-elses-bucket'))).not.toBe(allowed);
    expect(await decide(policy, deliver(BUCKETS.cloudTrail, '999999999999'))).not.toBe(allowed);
    expect(resourceAt('aws_s3_bucket_server_side_encryption_configuration', 'access_logs/encryption').rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } },
    ]);
  });
});

describe.each([
  { bucket: 'config', name: BUCKETS.config, writer: (account: string) => `arn:aws:iam::${account}:role/landing-zone-config-recorder` },
  { bucket: 'session_logs', name: BUCKETS.sessionLogs, writer: (account: string) => `arn:aws:iam::${account}:role/app-instance-role` },
])('the $bucket bucket key', ({ bucket, name, writer }) => {
  const keyResource = () => resourceAt('aws_kms_key', `${bucket}_key`);
  const key = `arn:aws:kms:eu-west-1:${LOG_ARCHIVE}:key/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e`;
  const throughS3 = { 'kms:ViaService': 's3.eu-west-1.amazonaws.com', 'aws:PrincipalOrgID': ORGANIZATION };
  /**
   * The key policy with its encryption context conditions set aside, which the simulator
   * cannot read: their shape (this bucket's ARN, as an S3 Bucket Key names it) is checked apart.
   */
  const simulatedKeyPolicy = () => {
    const policy = policyFromTerraform(keyResource().policy, DEPLOYED);
    for (const statement of policy.Statement) {
      const equals = statement.Condition?.StringEquals;
      if (equals && 'kms:EncryptionContext:aws:s3:arn' in equals) {
        expect(equals['kms:EncryptionContext:aws:s3:arn']).toBe(`arn:aws:s3:::${name}`);
        delete equals['kms:EncryptionContext:aws:s3:arn'];
      }
    }
    return policy;
  };
  const use = (principal: string, action: string, context: Record<string, string>) => ({
    principal,
    action,
    resource: key,
    context: { 'aws:PrincipalAccount': principal.split(':')[4], 'kms:CallerAccount': principal.split(':')[4], ...context },
  });

  it('encrypts the bucket by default with a key of its own and an S3 Bucket Key; the key rotates, has an alias and cannot be destroyed by a plan', () => {
    expect(resourceAt('aws_s3_bucket_server_side_encryption_configuration', `${bucket}/encryption`).rule).toEqual([
      {
        apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.\w+\.arn\}$/) },
        bucket_key_enabled: true,
      },
    ]);
    expect(keyResource()).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, lifecycle: { prevent_destroy: true } });
    expect(resourceAt('aws_kms_alias', `${bucket}_key_alias`).name).toBe(`alias/example-corp-logs-${bucket.replace('_', '-')}`);
  });

  it('lets the writers of a member account encrypt with it through S3', async () => {
    expect(await decide(simulatedKeyPolicy(), use(writer('555555555555'), 'kms:GenerateDataKey', throughS3))).toBe(allowed);
    expect(
      await decide(simulatedKeyPolicy(), use(writer('555555555555'), 'kms:GenerateDataKey', { ...throughS3, 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' })),
    ).not.toBe(allowed);
    expect(
      await decide(simulatedKeyPolicy(), use(writer('999999999999'), 'kms:GenerateDataKey', { ...throughS3, 'aws:PrincipalOrgID': 'o-otherorg99' })),
    ).not.toBe(allowed);
  });

  it('keeps what it encrypts unreadable in the log-archive account, even to its administrators, and readable to the security account', async () => {
    for (const administrator of [
      `arn:aws:iam::${LOG_ARCHIVE}:role/OrganizationAccountAccessRole`,
      `arn:aws:iam::${LOG_ARCHIVE}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Administrator_0123456789abcdef`,
    ]) {
      expect(await decide(simulatedKeyPolicy(), use(administrator, 'kms:Decrypt', throughS3))).not.toBe(allowed);
      expect(await decide(simulatedKeyPolicy(), use(administrator, 'kms:CreateGrant', {}))).not.toBe(allowed);
    }
    expect(await decide(simulatedKeyPolicy(), use(`arn:aws:iam::${SECURITY}:role/Investigator`, 'kms:Decrypt', throughS3))).toBe(allowed);
  });
});

describe('every bucket', () => {
  it.each(['cloudtrail', 'config', 'session_logs', 'access_logs'])('%s refuses every request over plain HTTP, even the security account', async (bucket) => {
    const policy = bucketPolicy(bucket);
    const name = resourceAt('aws_s3_bucket', `${bucket}/bucket`).bucket;
    expect(
      await decide(policy, {
        principal: `arn:aws:iam::${SECURITY}:role/Investigator`,
        action: 's3:GetObject',
        resource: `arn:aws:s3:::${name}/any`,
        context: { 'aws:SecureTransport': 'false' },
      }),
    ).toBe('ExplicitlyDenied');
    expect(resourceAt('aws_s3_bucket', `${bucket}/bucket`).lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('retention settings', () => {
  it('rejects an object lock retention under 90 days', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('retentionDays: 365', 'retentionDays: 30'));
    expect(issuesOf(dir)).toEqual([expect.stringMatching(/^landing-zone\.yaml:\d+ logArchive\.objectLock\.retentionDays: must be at least 90 days/)]);
  });

  it('rejects a lifecycle expiry before the lock retention ends, and an archive after expiry', () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) => text.replace('expireAfterDays: 2557 # seven years', 'expireAfterDays: 60'));
    expect(issuesOf(dir)).toEqual([
      expect.stringMatching(/^landing-zone\.yaml:\d+ logArchive\.lifecycle\.archiveAfterDays: expected fewer days than expireAfterDays \(60\), got 90/),
      expect.stringMatching(
        /^landing-zone\.yaml:\d+ logArchive\.lifecycle\.expireAfterDays: expected at least objectLock\.retentionDays \(365\), got 60: logs would be due to expire while still locked/,
      ),
    ]);
  });
});
