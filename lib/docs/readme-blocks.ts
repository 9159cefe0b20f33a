/** Every block of the README that `npm run generate` writes. */
import { ALERT_TABLE } from './alert-table';
import { BYPASS_ROUTE_TABLE } from './bypass-route-table';
import { CHECKOV_BASELINE_TABLE } from './checkov-baseline-table';
import { DETECTIVE_CONTROL_TABLE } from './detective-control-table';
import type { GeneratedBlock } from './generated-block';
import { GUARDRAIL_TABLE } from './guardrail-table';
import { INCIDENT_KIND_TABLE, REMEDIATION_TABLE } from './incident-tables';
import { RISK_TABLE } from './risk-table';

export const README_BLOCKS: readonly GeneratedBlock[] = [
  GUARDRAIL_TABLE,
  BYPASS_ROUTE_TABLE,
  CHECKOV_BASELINE_TABLE,
  DETECTIVE_CONTROL_TABLE,
  ALERT_TABLE,
  INCIDENT_KIND_TABLE,
  REMEDIATION_TABLE,
  RISK_TABLE,
];
