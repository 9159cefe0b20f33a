/** Every block of the README that `npm run generate` writes. */
import { ALERT_TABLE } from './alert-table';
import { DETECTIVE_CONTROL_TABLE } from './detective-control-table';
import type { GeneratedBlock } from './generated-block';
import { GUARDRAIL_TABLE } from './guardrail-table';

export const README_BLOCKS: readonly GeneratedBlock[] = [GUARDRAIL_TABLE, DETECTIVE_CONTROL_TABLE, ALERT_TABLE];
