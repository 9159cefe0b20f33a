/**
 * The organization-wide cost anomaly monitor.
 */
import { readStack, resources } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

const example = exampleOutput();

describe('cost anomaly detection', () => {
  it('monitors every service of the organization and e-mails a daily digest above the threshold', () => {
    const stack = readStack(example, 'organization-services');
    expect(resources(stack, 'aws_ce_anomaly_monitor')).toEqual([expect.objectContaining({ monitor_type: 'DIMENSIONAL', monitor_dimension: 'SERVICE' })]);
    expect(resources(stack, 'aws_ce_anomaly_subscription')).toEqual([
      expect.objectContaining({
        frequency: 'DAILY',
        subscriber: [{ type: 'EMAIL', address: 'finops@example.com' }],
        threshold_expression: { dimension: { key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', match_options: ['GREATER_THAN_OR_EQUAL'], values: ['250'] } },
      }),
    ]);
  });
});
