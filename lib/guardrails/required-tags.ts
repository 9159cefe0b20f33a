/**
 * Required tags as a tag policy: fixes the spelling and capitalization of each required
 * key and, where allowed values are given, the values, so that tag compliance reports
 * show every resource that strays. A tag policy does not stop untagged creation; the
 * `require-tags-on-create` SCP does.
 */
import { noTagIsRequired, refuseUnmet, type Guardrail } from './guardrail';

export interface TagPolicyDocument {
  readonly tags: Readonly<
    Record<string, { readonly tag_key: { readonly '@@assign': string }; readonly tag_value?: { readonly '@@assign': readonly string[] } }>
  >;
}

export const requiredTagsTagPolicy: Guardrail<TagPolicyDocument> = {
  id: 'required-tags',
  type: 'TAG_POLICY',
  description: 'Tag policy: the required tag keys, spelled as configured, with their allowed values.',
  unmetRequirement: noTagIsRequired,
  build: (context) => {
    refuseUnmet(requiredTagsTagPolicy, context);
    return {
      tags: Object.fromEntries(
        context.requiredTags.map(({ key, allowedValues }) => [
          key.toLowerCase(),
          { tag_key: { '@@assign': key }, ...(allowedValues ? { tag_value: { '@@assign': [...allowedValues] } } : {}) },
        ]),
      ),
    };
  },
};
