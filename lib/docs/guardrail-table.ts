/** The README's table of built-in guardrails of every policy type, made from each guardrail's own id and description. */
import { BUILT_IN_GUARDRAILS } from '../guardrails/catalogue';
import { policyKindOf } from '../guardrails/policy-types';
import type { GeneratedBlock } from './generated-block';

/** Where the guardrail `id` is built, relative to the repository. */
export function guardrailBuilderPath(id: string): string {
  return `lib/guardrails/${id}.ts`;
}

export const GUARDRAIL_TABLE: GeneratedBlock = {
  name: 'guardrail table',
  render: () => {
    const rows = BUILT_IN_GUARDRAILS.map((guardrail) => {
      const path = guardrailBuilderPath(guardrail.id);
      return `| \`${guardrail.id}\` | ${policyKindOf(guardrail.type).label} | ${guardrail.description} | [\`${path}\`](${path}) |`;
    });
    return ['| id | type | what it enforces | builder |', '| --- | --- | --- | --- |', ...rows].join('\n');
  },
};
