/** The README's table of the checkov checks the landing zone fails on purpose, made from the baseline `npm run scan` uses. */
import { CHECKOV_BASELINE } from '../scan/checkov-baseline';
import type { GeneratedBlock } from './generated-block';

export const CHECKOV_BASELINE_TABLE: GeneratedBlock = {
  name: 'checkov baseline table',
  render: () =>
    [
      '| check | resources | why it is accepted |',
      '| --- | --- | --- |',
      ...CHECKOV_BASELINE.map((entry) => `| \`${entry.check}\` | \`${entry.resources}\` | ${entry.reason} |`),
    ].join('\n'),
};
