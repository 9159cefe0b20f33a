/**
 * The resource-creating actions that the required-tags guardrail covers, per service.
 * Each action accepts `aws:RequestTag/<key>` for the resources listed, so a request that
 * does not tag them at creation can be denied. Other resources that these actions touch
 * (subnets, images, security groups) carry no request tags and are left out, or every
 * request would be denied. An action that AWS authorizes on no resource type
 * (`eks:CreateCluster`) is listed with `*`: a statement naming an ARN never matches it.
 */
export interface TaggedCreation {
  readonly action: string;
  readonly resources: readonly string[];
}

export const REQUIRE_TAGS_SERVICES = {
  ec2: [
    { action: 'ec2:RunInstances', resources: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:*:*:volume/*'] },
    { action: 'ec2:CreateVolume', resources: ['arn:aws:ec2:*:*:volume/*'] },
  ],
  rds: [
    { action: 'rds:CreateDBInstance', resources: ['arn:aws:rds:*:*:db:*'] },
    { action: 'rds:CreateDBCluster', resources: ['arn:aws:rds:*:*:cluster:*'] },
  ],
  s3: [{ action: 's3:CreateBucket', resources: ['arn:aws:s3:::*'] }],
  lambda: [{ action: 'lambda:CreateFunction', resources: ['arn:aws:lambda:*:*:function:*'] }],
  dynamodb: [{ action: 'dynamodb:CreateTable', resources: ['arn:aws:dynamodb:*:*:table/*'] }],
  eks: [{ action: 'eks:CreateCluster', resources: ['*'] }],
  ecs: [{ action: 'ecs:CreateCluster', resources: ['arn:aws:ecs:*:*:cluster/*'] }],
  sns: [{ action: 'sns:CreateTopic', resources: ['arn:aws:sns:*:*:*'] }],
  sqs: [{ action: 'sqs:CreateQueue', resources: ['arn:aws:sqs:*:*:*'] }],
} as const satisfies Record<string, readonly TaggedCreation[]>;

export type RequireTagsService = keyof typeof REQUIRE_TAGS_SERVICES;

export function taggedCreationsOf(service: RequireTagsService): readonly TaggedCreation[] {
  return REQUIRE_TAGS_SERVICES[service];
}

export const REQUIRE_TAGS_SERVICE_NAMES = Object.keys(REQUIRE_TAGS_SERVICES) as [RequireTagsService, ...RequireTagsService[]];
