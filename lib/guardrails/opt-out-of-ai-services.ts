/**
 * AI services opt-out: AWS may otherwise store and use content that its AI services
 * process (Rekognition, Transcribe, Comprehend, Lex, Amazon Q ...) to improve them. The
 * opt-out covers every service (`default`), and no policy lower in the tree may opt back
 * in (`@@operators_allowed_for_child_policies: @@none` at each level).
 */
import type { Guardrail } from './guardrail';

export interface AiServicesOptOutPolicyDocument {
  readonly services: {
    readonly '@@operators_allowed_for_child_policies': readonly string[];
    readonly default: {
      readonly '@@operators_allowed_for_child_policies': readonly string[];
      readonly opt_out_policy: { readonly '@@operators_allowed_for_child_policies': readonly string[]; readonly '@@assign': 'optOut' | 'optIn' };
    };
  };
}

const NO_CHILD_OPERATORS = ['@@none'];

export const optOutOfAiServices: Guardrail<AiServicesOptOutPolicyDocument> = {
  id: 'opt-out-of-ai-services',
  type: 'AISERVICES_OPT_OUT_POLICY',
  description: "AI services opt-out policy: AWS's AI services keep none of the organization's content to improve themselves; no OU or account opts back in.",
  build: () => ({
    services: {
      '@@operators_allowed_for_child_policies': NO_CHILD_OPERATORS,
      default: {
        '@@operators_allowed_for_child_policies': NO_CHILD_OPERATORS,
        opt_out_policy: { '@@operators_allowed_for_child_policies': NO_CHILD_OPERATORS, '@@assign': 'optOut' },
      },
    },
  }),
};
