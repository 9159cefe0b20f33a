/** The README's tables of the kinds of alert that can start an incident and of the automated remediations, made from their catalogues. */
import { DEFAULT_INCIDENT_KINDS } from '../config/schemas/incident-response';
import { INCIDENT_CATALOGUE } from '../incident-response/incident-catalogue';
import { REMEDIATION_CATALOGUE } from '../incident-response/remediation-catalogue';
import type { GeneratedBlock } from './generated-block';

export const INCIDENT_KIND_TABLE: GeneratedBlock = {
  name: 'incident kind table',
  render: () =>
    [
      '| id | starts an incident on | by default | why |',
      '| --- | --- | --- | --- |',
      ...INCIDENT_CATALOGUE.map(
        (kind) =>
          `| \`${kind.id}\` | ${kind.title} (part of the \`${kind.alertId}\` alert) | ${DEFAULT_INCIDENT_KINDS.includes(kind.id) ? 'yes' : 'no'} | ${kind.why} |`,
      ),
    ].join('\n'),
};

export const REMEDIATION_TABLE: GeneratedBlock = {
  name: 'remediation table',
  render: () =>
    [
      '| id | fixes | Security Hub controls | runbook | what it does |',
      '| --- | --- | --- | --- | --- |',
      ...REMEDIATION_CATALOGUE.map(
        (remediation) =>
          `| \`${remediation.id}\` | ${remediation.title} | ${remediation.controls.join(', ')} | \`${remediation.runbook}\` | ${remediation.why} |`,
      ),
    ].join('\n'),
};
