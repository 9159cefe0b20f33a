/** The README's table of the risks a review can raise, made from the risk rules. */
import { RISK_KINDS } from '../review/report';
import { RISK_REASONS } from '../review/risks';
import type { GeneratedBlock } from './generated-block';

export const RISK_TABLE: GeneratedBlock = {
  name: 'risk table',
  render: () => ['| risk | why it matters |', '| --- | --- |', ...RISK_KINDS.map((kind) => `| \`${kind}\` | ${RISK_REASONS[kind]} |`)].join('\n'),
};
