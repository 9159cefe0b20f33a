/**
 * Required tags at creation: a resource of a covered service cannot be created without
 * every required tag. Tag policies alone report untagged resources but do not stop them
 * being created; only a request-tag condition in an SCP does. One statement per key,
 * because the keys of one `Null` condition must all be missing for it to match, and a
 * second one per key for the actions AWS authorizes on `*` only (`eks:CreateCluster`),
 * which a statement naming ARNs never matches; the other actions keep their ARNs, as `*`
 * would reach resources that carry no request tags (an instance's subnet). The exempt
 * principals are exempt here too: the landing zone's own stacks create buckets, topics and
 * tables wherever the guardrail may be attached (the Security OU, the root), untagged by
 * the teams' keys.
 */
import type { PolicyStatement } from '../iam/policy-document';
import { noTagIsRequired, refuseUnmet, unlessExempt, type Guardrail, type GuardrailContext } from './guardrail';
import { taggedCreationsOf, type TaggedCreation } from './require-tags-services';

function statementId(key: string): string {
  return `RequireTag${key.replace(/[^A-Za-z0-9]/g, '')}OnCreate`;
}

function denyUntagged(sid: string, key: string, creations: readonly TaggedCreation[], context: GuardrailContext): PolicyStatement {
  return {
    Sid: sid,
    Effect: 'Deny',
    Action: [...new Set(creations.map((entry) => entry.action))],
    Resource: [...new Set(creations.flatMap((entry) => entry.resources))],
    Condition: { Null: { [`aws:RequestTag/${key}`]: 'true' }, ...unlessExempt(context) },
  };
}

export const requireTagsOnCreate: Guardrail = {
  id: 'require-tags-on-create',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies creating resources of the covered services without every required tag, except to the exempt principals.',
  unmetRequirement: noTagIsRequired,
  build: (context) => {
    refuseUnmet(requireTagsOnCreate, context);
    const covered = context.requireTagsServices.flatMap(taggedCreationsOf);
    const scoped = covered.filter((entry) => !entry.resources.includes('*'));
    const unscoped = covered.filter((entry) => entry.resources.includes('*'));
    return {
      Version: '2012-10-17',
      Statement: context.requiredTags.flatMap(({ key }) => [
        ...(scoped.length > 0 ? [denyUntagged(statementId(key), key, scoped, context)] : []),
        ...(unscoped.length > 0 ? [denyUntagged(`${statementId(key)}Unscoped`, key, unscoped, context)] : []),
      ]),
    };
  },
};
