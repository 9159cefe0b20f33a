/**
 * A customer managed KMS key of the landing zone, made the same way wherever it is: its
 * policy given (AWS's default one leaves the key to every administrator of the account),
 * yearly rotation, the longest deletion window, protected from destroy, and an alias that
 * names it. A key is never destroyed as the side effect of a plan: what it encrypted would
 * be lost with it.
 */
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { policyText, type ResourcePolicyDocument } from '../iam/policy-document';

export interface CustomerManagedKeyProps {
  /**
   * Where the key is.
   * @default the region of the stack's provider
   */
  readonly region?: AwsRegion;
  /** What the key encrypts, for whoever lists the account's keys. */
  readonly description: string;
  /** Who may administer and use the key. */
  readonly policy: ResourcePolicyDocument;
  /** `alias/<name>`: the guardrails protect the landing zone's keys by their `landing-zone-*` aliases. */
  readonly alias: string;
}

const DELETION_WINDOW_DAYS = 30;

export function customerManagedKey(scope: Construct, id: string, props: CustomerManagedKeyProps): KmsKey {
  const { region } = props;
  const key = new KmsKey(scope, id, {
    region,
    description: props.description,
    enableKeyRotation: true,
    deletionWindowInDays: DELETION_WINDOW_DAYS,
    policy: policyText(props.policy),
    lifecycle: { preventDestroy: true },
  });
  new KmsAlias(scope, `${id}_alias`, { region, name: props.alias, targetKeyId: key.keyId });
  return key;
}
