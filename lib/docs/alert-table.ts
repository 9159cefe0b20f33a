/** The README's table of security alerts, made from the alert catalogue. */
import { ALERTS } from '../alerts/alert-catalogue';
import type { GeneratedBlock } from './generated-block';

export const ALERT_TABLE: GeneratedBlock = {
  name: 'alert table',
  render: () => ['| id | alerts on | why |', '| --- | --- | --- |', ...ALERTS.map((alert) => `| \`${alert.id}\` | ${alert.title} | ${alert.why} |`)].join('\n'),
};
