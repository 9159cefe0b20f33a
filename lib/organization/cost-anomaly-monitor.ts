/**
 * Cost Anomaly Detection across every service of every account, in the management
 * (payer) account, with a daily e-mail digest of the anomalies that reach the threshold.
 * Created in the scope given, for the reason `organization.ts` gives.
 */
import { CeAnomalyMonitor } from '@cdktf/provider-aws/lib/ce-anomaly-monitor';
import { CeAnomalySubscription } from '@cdktf/provider-aws/lib/ce-anomaly-subscription';
import type { Construct } from 'constructs';
import type { LandingZone } from '../model/landing-zone';

export function costAnomalyMonitor(scope: Construct, settings: LandingZone['costAnomalyDetection']): void {
  const monitor = new CeAnomalyMonitor(scope, 'cost_anomaly_monitor', {
    name: 'organization-services',
    monitorType: 'DIMENSIONAL',
    monitorDimension: 'SERVICE',
  });
  new CeAnomalySubscription(scope, 'cost_anomaly_alerts', {
    name: 'organization-cost-anomalies',
    frequency: 'DAILY',
    monitorArnList: [monitor.arn],
    subscriber: settings.emails.map((address) => ({ type: 'EMAIL', address })),
    thresholdExpression: {
      dimension: { key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', matchOptions: ['GREATER_THAN_OR_EQUAL'], values: [String(settings.thresholdUsd)] },
    },
  });
}
