/** Attaches policies of the organization, by name, to one root, OU or account. */
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { Construct } from 'constructs';
import { POLICY_ATTACHMENT_KEYS } from '../guardrails/policy-types';
import type { PolicyAttachments as AttachedPolicies } from '../model/landing-zone';
import { constructId } from '../terraform/terraform-names';

export interface PolicyAttachmentsProps {
  /** The root, OU or account id. */
  readonly targetId: string;
  /** The policies of every type attached to the target, by name. */
  readonly policies: AttachedPolicies;
  /** The id of a policy, by name. */
  readonly policyId: (name: string) => string;
}

export class PolicyAttachments extends Construct {
  constructor(scope: Construct, id: string, props: PolicyAttachmentsProps) {
    super(scope, id);
    for (const name of POLICY_ATTACHMENT_KEYS.flatMap((key) => props.policies[key])) {
      new OrganizationsPolicyAttachment(this, constructId(name), { policyId: props.policyId(name), targetId: props.targetId });
    }
  }
}
