/**
 * Required tags at creation: a resource of a covered service cannot be created without
 * every required tag. Tag policies alone report untagged resources but do not stop them
 * being created; only a request-tag condition in an SCP does. One statement per key,
 * because the keys of one `Null` condition must all be missing for it to match. The exempt
 * principals are exempt here too: the landing zone's own stacks create buckets, topics and
 * tables wherever the guardrail may be attached (the Security OU, the root), untagged by
 * the teams' keys.
 */
import { noTagIsRequired, refuseUnmet, unlessExempt, type Guardrail } from './guardrail';
import { taggedCreationsOf } from './require-tags-services';

function statementId(key: string): string {
  return `RequireTag${key.replace(/[^A-Za-z0-9]/g, '')}OnCreate`;
}

export const requireTagsOnCreate: Guardrail = {
  id: 'require-tags-on-create',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies creating resources of the covered services without every required tag, except to the exempt principals.',
  unmetRequirement: noTagIsRequired,
  build: (context) => {
    refuseUnmet(requireTagsOnCreate, context);
    const covered = context.requireTagsServices.flatMap(taggedCreationsOf);
    const actions = [...new Set(covered.map((entry) => entry.action))];
    const resources = [...new Set(covered.flatMap((entry) => entry.resources))];
    return {
      Version: '2012-10-17',
      Statement: context.requiredTags.map(({ key }) => ({
        Sid: statementId(key),
        Effect: 'Deny' as const,
        Action: actions,
        Resource: resources,
        Condition: { Null: { [`aws:RequestTag/${key}`]: 'true' }, ...unlessExempt(context) },
      })),
    };
  },
};
