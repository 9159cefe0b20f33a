/** The README's table of built-in guardrails, made from each guardrail's own id and description. */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../guardrails/catalogue';
import type { GeneratedBlock } from './generated-block';

/** Where the guardrail `id` is built, relative to the repository. */
export function guardrailBuilderPath(id: string): string {
  return `lib/guardrails/${id}.ts`;
}

export const GUARDRAIL_TABLE: GeneratedBlock = {
  name: 'guardrail table',
  render: () => {
    const rows = [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS].map((guardrail) => {
      const path = guardrailBuilderPath(guardrail.id);
      return `| \`${guardrail.id}\` | ${guardrail.type === 'TAG_POLICY' ? 'tag policy' : 'SCP'} | ${guardrail.description} | [\`${path}\`](${path}) |`;
    });
    return ['| id | type | what it enforces | builder |', '| --- | --- | --- | --- |', ...rows].join('\n');
  },
};
