/** The README's table of built-in guardrails, made from each guardrail's own id and description. */
import { SERVICE_CONTROL_POLICY_GUARDRAILS, TAG_POLICY_GUARDRAILS } from '../../scps/catalogue';
import type { GeneratedBlock } from './generated-block';

export const GUARDRAIL_TABLE: GeneratedBlock = {
  name: 'guardrail table',
  render: () => {
    const rows = [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...TAG_POLICY_GUARDRAILS].map(
      (guardrail) => `| \`${guardrail.id}\` | ${guardrail.type === 'TAG_POLICY' ? 'tag policy' : 'SCP'} | ${guardrail.description} | [\`scps/${guardrail.id}.ts\`](scps/${guardrail.id}.ts) |`,
    );
    return ['| id | type | what it enforces | builder |', '| --- | --- | --- | --- |', ...rows].join('\n');
  },
};
