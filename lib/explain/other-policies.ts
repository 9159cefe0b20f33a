/**
 * The organization policies besides SCPs and RCPs that bear on a request, said where they do:
 * EC2 declarative policies (an account attribute the API cannot change, a launch or a share
 * they refuse), the AI services opt-out (what AWS may keep of the request's content) and
 * tag policies (whether the request's tags comply, and whether a noncompliant one is
 * refused). They allow or deny nothing in IAM's sense: each note says what the policy does.
 *
 * Effective values follow the inheritance of management policies: a level's `@@assign`
 * replaces its parent's, unless the parent allows its children no operator.
 */
import type { OrganizationPolicyType } from '../guardrails/policy-types';
import type { PolicyAttachmentTarget, PolicyLevel } from '../iam/evaluation/organization-policy-evaluation';

export interface PolicyNote {
  readonly type: OrganizationPolicyType;
  readonly policy: string;
  readonly target: PolicyAttachmentTarget;
  readonly note: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Each policy of the levels with a value at `path`, root first, the last one the effective one. */
function assigned(levels: readonly PolicyLevel[], path: readonly string[]): { policy: string; target: PolicyAttachmentTarget; value: unknown }[] {
  const found: { policy: string; target: PolicyAttachmentTarget; value: unknown }[] = [];
  for (const level of levels) {
    for (const policy of level.policies) {
      let node: unknown = policy.document;
      for (const part of path) node = isObject(node) && Object.hasOwn(node, part) ? node[part] : undefined;
      if (node !== undefined) found.push({ policy: policy.name, target: level.target, value: node });
    }
  }
  return found;
}

function assignedValue(node: unknown, field: string): unknown {
  const value = isObject(node) ? node[field] : undefined;
  return isObject(value) ? (value['@@assign'] ?? value['@@append']) : undefined;
}

interface Ec2Attribute {
  readonly attribute: string;
  readonly actions: readonly string[];
  readonly say: (node: unknown, action: string) => string;
}

const SETTING_MANAGED = 'the account cannot change the setting while the policy applies: the call fails';

const EC2_ATTRIBUTES: readonly Ec2Attribute[] = [
  {
    attribute: 'serial_console_access',
    actions: ['ec2:EnableSerialConsoleAccess', 'ec2:DisableSerialConsoleAccess', 'ec2-instance-connect:SendSerialConsoleSSHPublicKey'],
    say: (node, action) =>
      `the EC2 serial console is ${String(assignedValue(node, 'status'))}; ${action.startsWith('ec2-instance-connect') ? 'connecting to it fails while it is disabled' : SETTING_MANAGED}`,
  },
  {
    attribute: 'snapshot_block_public_access',
    actions: ['ec2:EnableSnapshotBlockPublicAccess', 'ec2:DisableSnapshotBlockPublicAccess', 'ec2:ModifySnapshotAttribute'],
    say: (node, action) =>
      `snapshot block public access is ${String(assignedValue(node, 'state'))}; ${action === 'ec2:ModifySnapshotAttribute' ? 'sharing a snapshot with everyone fails' : SETTING_MANAGED}`,
  },
  {
    attribute: 'image_block_public_access',
    actions: ['ec2:EnableImageBlockPublicAccess', 'ec2:DisableImageBlockPublicAccess', 'ec2:ModifyImageAttribute'],
    say: (node, action) =>
      `image block public access is ${String(assignedValue(node, 'state'))}; ${action === 'ec2:ModifyImageAttribute' ? 'making an AMI public fails' : SETTING_MANAGED}`,
  },
  {
    attribute: 'instance_metadata_defaults',
    actions: ['ec2:RunInstances', 'ec2:ModifyInstanceMetadataDefaults'],
    say: (node, action) =>
      `new instances default to IMDS http_tokens=${String(assignedValue(node, 'http_tokens'))}, hop limit ${String(assignedValue(node, 'http_put_response_hop_limit'))}; ${
        action === 'ec2:RunInstances' ? 'a launch that asks for other metadata options still gets them' : SETTING_MANAGED
      }`,
  },
  {
    attribute: 'allowed_images_settings',
    actions: ['ec2:RunInstances', 'ec2:EnableAllowedImagesSettings', 'ec2:DisableAllowedImagesSettings', 'ec2:ReplaceImageCriteriaInAllowedImagesSettings'],
    say: (node, action) => {
      const state = String(assignedValue(node, 'state'));
      const criteria = isObject(node) && isObject(node.image_criteria) ? Object.values(node.image_criteria) : [];
      const providers = criteria.flatMap((criterion) => {
        const value = assignedValue(criterion, 'allowed_image_providers');
        return Array.isArray(value) ? value.map(String) : [];
      });
      if (action !== 'ec2:RunInstances') return `allowed images are ${state}; ${SETTING_MANAGED}`;
      return state === 'enabled'
        ? `the launch fails unless its image is from ${providers.join(', ')} (allowed images, enabled)`
        : `allowed images are ${state}: an image from a provider other than ${providers.join(', ')} is reported, not refused`;
    },
  },
  {
    attribute: 'vpc_block_public_access',
    actions: ['ec2:ModifyVpcBlockPublicAccessOptions', 'ec2:CreateVpcBlockPublicAccessExclusion', 'ec2:AttachInternetGateway'],
    say: (node, action) => {
      const gateway = isObject(node) ? node.internet_gateway_block : undefined;
      const mode = String(assignedValue(gateway, 'mode'));
      const exclusions = String(assignedValue(gateway, 'exclusions_allowed'));
      if (action === 'ec2:AttachInternetGateway')
        return `VPC Block Public Access is ${mode}: the gateway attaches, but internet traffic it would carry is blocked (exclusions ${exclusions})`;
      if (action === 'ec2:CreateVpcBlockPublicAccessExclusion')
        return `VPC Block Public Access is ${mode}, exclusions ${exclusions}${exclusions === 'disabled' ? ': the call fails' : ''}`;
      return `VPC Block Public Access is ${mode}; ${SETTING_MANAGED}`;
    },
  },
];

function declarativePolicyNotes(levels: readonly PolicyLevel[], action: string): PolicyNote[] {
  return EC2_ATTRIBUTES.filter((entry) => entry.actions.some((candidate) => candidate.toLowerCase() === action.toLowerCase())).flatMap((entry) => {
    const effective = assigned(levels, ['ec2_attributes', entry.attribute]).pop();
    return effective
      ? [{ type: 'DECLARATIVE_POLICY_EC2' as const, policy: effective.policy, target: effective.target, note: entry.say(effective.value, action) }]
      : [];
  });
}

/** The services the AI services opt-out policy names by their IAM prefix, as AWS's examples of its syntax do; `default` covers them all. */
const AI_SERVICES = ['comprehend', 'lex', 'polly', 'rekognition', 'textract', 'transcribe', 'translate'];

function aiOptOutNotes(levels: readonly PolicyLevel[], action: string): PolicyNote[] {
  const key = action.slice(0, action.indexOf(':')).toLowerCase();
  if (!AI_SERVICES.includes(key)) return [];
  const effective = [...assigned(levels, ['services', 'default', 'opt_out_policy']), ...assigned(levels, ['services', key, 'opt_out_policy'])].pop();
  if (!effective) return [];
  const choice = isObject(effective.value) ? effective.value['@@assign'] : undefined;
  const note =
    choice === 'optOut'
      ? `AWS does not store or use the content this request sends to ${key} to improve the service (opted out)`
      : `AWS may store and use the content this request sends to ${key} to improve the service (opted in)`;
  return [{ type: 'AISERVICES_OPT_OUT_POLICY', policy: effective.policy, target: effective.target, note }];
}

function tagPolicyNotes(levels: readonly PolicyLevel[], action: string, tags: readonly (readonly [string, string])[]): PolicyNote[] {
  const service = action.slice(0, action.indexOf(':')).toLowerCase();
  const keys = new Map<string, { policy: string; target: PolicyAttachmentTarget; rule: Json }>();
  for (const level of levels) {
    for (const policy of level.policies) {
      const rules = isObject(policy.document) && isObject(policy.document.tags) ? policy.document.tags : {};
      for (const [key, rule] of Object.entries(rules)) if (isObject(rule)) keys.set(key.toLowerCase(), { policy: policy.name, target: level.target, rule });
    }
  }
  return tags.flatMap(([key, value]): PolicyNote[] => {
    const entry = keys.get(key.toLowerCase());
    if (!entry) return [];
    const spelled = assignedValue(entry.rule, 'tag_key');
    const allowed = assignedValue(entry.rule, 'tag_value');
    const enforced = assignedValue(entry.rule, 'enforced_for');
    const problems = [
      ...(typeof spelled === 'string' && spelled !== key ? [`the key is spelled ${spelled}, not ${key}`] : []),
      ...(Array.isArray(allowed) && !allowed.includes(value) ? [`${value} is not one of ${allowed.join(', ')}`] : []),
    ];
    const refused = Array.isArray(enforced) && enforced.some((type) => String(type).toLowerCase().startsWith(`${service}:`));
    const note =
      problems.length === 0
        ? `the tag ${key}=${value} complies`
        : `the tag ${key}=${value} does not comply: ${problems.join('; ')}; ${refused ? `the policy enforces it for ${service}: the request fails` : 'tag compliance reports it, nothing refuses it'}`;
    return [{ type: 'TAG_POLICY', policy: entry.policy, target: entry.target, note }];
  });
}

/** The notes of the policies of `levels` (by type) on a request for `action` with the request tags `tags`. */
export function otherPolicyNotes(
  levels: (type: OrganizationPolicyType) => readonly PolicyLevel[] | undefined,
  action: string,
  tags: readonly (readonly [string, string])[],
): PolicyNote[] {
  return [
    ...declarativePolicyNotes(levels('DECLARATIVE_POLICY_EC2') ?? [], action),
    ...aiOptOutNotes(levels('AISERVICES_OPT_OUT_POLICY') ?? [], action),
    ...tagPolicyNotes(levels('TAG_POLICY') ?? [], action, tags),
  ];
}
