/** The README's table of the risks a review can raise, made from the risk rules and their base severities. */
import { RISK_KINDS } from '../review/report';
import { RISK_REASONS } from '../review/risks';
import { BASE_SEVERITY } from '../review/severity';
import type { GeneratedBlock } from './generated-block';

export const RISK_TABLE: GeneratedBlock = {
  name: 'risk table',
  render: () =>
    [
      '| risk | severity | why it matters |',
      '| --- | --- | --- |',
      ...RISK_KINDS.map((kind) => `| \`${kind}\` | ${BASE_SEVERITY[kind]} | ${RISK_REASONS[kind]} |`),
    ].join('\n'),
};
