/**
 * Every policy a user gives is checked at validation for statements that can never match:
 * an error names the file, the line, the statement, the action and the resource types it
 * takes, with the fix; a part of a statement that does nothing is a warning.
 */
import { copyExample, editFile, writeFile } from '../support/example-config';
import { allIssuesOf, lineOf } from '../support/read-configuration';

describe('a custom SCP', () => {
  it('with an action that takes no resource type listed beside ARNs: an error on that action, a warning on the ARN that then does nothing', async () => {
    const dir = copyExample();
    writeFile(
      dir,
      'scps/deny-large-instances.json',
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'RequireOwnerOnClusters',
              Effect: 'Deny',
              Action: ['ecs:CreateCluster', 'eks:CreateCluster'],
              Resource: ['arn:aws:ecs:*:*:cluster/*', 'arn:aws:eks:*:*:cluster/*'],
              Condition: { Null: { 'aws:RequestTag/owner': 'true' } },
            },
          ],
        },
        null,
        2,
      ),
    );
    const file = 'scps/deny-large-instances.json';
    expect(await allIssuesOf(dir)).toEqual([
      `${file}:${lineOf(dir, file, '"eks:CreateCluster"')} Statement.0.Action.1: "eks:CreateCluster" takes no resource type, so only "Resource": "*" matches it: ` +
        'statement RequireOwnerOnClusters never denies it; move eks:CreateCluster to a statement with "Resource": "*"',
      `${file}:${lineOf(dir, file, '"arn:aws:eks:')} Statement.0.Resource.1: "arn:aws:eks:*:*:cluster/*" names no resource that an action of statement RequireOwnerOnClusters is requested on, so it does nothing; remove it`,
    ]);
  });

  it('with an ARN its actions do not take: an error naming the resource types they take, attached or not', async () => {
    const dir = copyExample();
    writeFile(
      dir,
      'scps/protect-production-buckets.json',
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "ProtectProductionBuckets",\n      "Effect": "Deny",\n      "Action": "s3:DeleteBucket",\n      "Resource": "arn:aws:s3:::prod-*/*"\n    }\n  ]\n}\n',
    );
    const issues = await allIssuesOf(dir);
    expect(issues).toContain(
      'scps/protect-production-buckets.json:7 Statement.0.Action: "s3:DeleteBucket" takes the resource type bucket (arn:${Partition}:s3:::${BucketName}), ' +
        'none of which Resource names: statement ProtectProductionBuckets never denies it; name one in Resource, such as "arn:aws:s3:::*", or move s3:DeleteBucket to a statement whose Resource does',
    );
  });

  it('with a condition key its action never carries: an error on the key', async () => {
    const dir = copyExample();
    editFile(dir, 'scps/deny-large-instances.json', (text) =>
      text
        .replace('"ec2:RunInstances", "ec2:StartInstances"', '"ec2:RunInstances", "ec2:StartInstances", "ec2:CreateVolume"')
        .replace('"Resource": "arn:aws:ec2:*:*:instance/*"', '"Resource": "*"')
        .replace('StringNotLike', 'StringLike'),
    );
    const file = 'scps/deny-large-instances.json';
    expect(await allIssuesOf(dir)).toEqual([
      `${file}:${lineOf(dir, file, '"ec2:InstanceType"')} Statement.0.Condition.StringLike.ec2:InstanceType: "ec2:CreateVolume" never carries ec2:InstanceType, and StringLike cannot hold without it: ` +
        'statement DenyLargeInstanceTypes never denies it; use a condition key that ec2:CreateVolume carries, or move ec2:CreateVolume to a statement without this condition',
    ]);
  });

  it('the example: nothing reported', async () => {
    expect(await allIssuesOf(copyExample())).toEqual([]);
  });
});

describe('the policies of Identity Center', () => {
  it("a permission set's inline policy with an action its Resource rules out: an error at its line", async () => {
    const dir = copyExample();
    editFile(dir, 'permission-sets/developer.json', (text) => text.replace('"Action": "iam:PassRole",', '"Action": ["iam:PassRole", "iam:CreateUser"],'));
    const file = 'permission-sets/developer.json';
    expect(await allIssuesOf(dir)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file}:${lineOf(dir, file, '"Action": ["iam:PassRole"')} Statement\\.1\\.Action\\.1: "iam:CreateUser" takes the resource type user \\(arn:\\$\\{Partition\\}:iam::\\$\\{Account\\}:user/\\$\\{UserNameWithPath\\}, arn:\\$\\{Partition\\}:iam::\\$\\{Account\\}:root\\), none of which Resource names: statement PassApplicationRoles never allows it; name one in Resource, such as "arn:aws:iam::\\*:user/\\*"`,
        ),
      ),
    ]);
  });

  it('a customer managed policy whose condition can never hold: an error in landing-zone.yaml', async () => {
    const dir = copyExample();
    editFile(dir, 'landing-zone.yaml', (text) =>
      text.replace(
        '              - ec2:ModifyVpcAttribute\n            Resource: "*"\n',
        '              - ec2:ModifyVpcAttribute\n            Resource: "*"\n            Condition:\n              StringEquals:\n                s3:x-amz-acl: public-read\n',
      ),
    );
    const issues = await allIssuesOf(dir);
    expect(issues).toHaveLength(7);
    expect(issues[0]).toMatch(
      new RegExp(
        `^landing-zone\\.yaml:${lineOf(dir, 'landing-zone.yaml', 's3:x-amz-acl')} identityCenter\\.customerManagedPolicies\\.landing-zone-deny-network-changes\\.document\\.Statement\\.0\\.Condition\\.StringEquals\\.s3:x-amz-acl: "ec2:AcceptVpcPeeringConnection" never carries s3:x-amz-acl`,
      ),
    );
  });
});
