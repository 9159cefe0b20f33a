/** The test input transformer against AWS's documented examples, and its strictness. */
import { transformInput } from './input-transformer';

// AWS's example event of the EventBridge user guide's input transformation page.
const EC2_EVENT = {
  version: '0',
  id: '7bf73129-1428-4cd3-a780-95db273d1602',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2015-11-11T21:29:54Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
  detail: { 'instance-id': 'i-0123456789', state: 'RUNNING' },
};
const PATHS = { instance: '$.detail.instance-id', state: '$.detail.state' };

describe('input transformation', () => {
  it('fills placeholders inside a string, as in AWS examples', () => {
    expect(transformInput({ inputPaths: PATHS, inputTemplate: '"instance <instance> is in <state>"' }, EC2_EVENT).output).toBe(
      '"instance i-0123456789 is in RUNNING"',
    );
  });

  it('fills placeholders outside strings with JSON values, as in AWS examples', () => {
    expect(transformInput({ inputPaths: PATHS, inputTemplate: '{"instance": <instance>, "state": [9, <state>, true]}' }, EC2_EVENT).output).toBe(
      '{"instance": "i-0123456789", "state": [9, "RUNNING", true]}',
    );
  });

  it('escapes what it puts inside a string, reads array indices and reports missing paths', () => {
    const event = { detail: { items: [{ name: 'say "hi"' }], count: 2 } };
    const result = transformInput(
      {
        inputPaths: { name: '$.detail.items[0].name', count: '$.detail.count', absent: '$.detail.none' },
        inputTemplate: '{"text": "<name> x<count> <absent>"}',
      },
      event,
    );
    expect(JSON.parse(result.output)).toEqual({ text: 'say "hi" x2 ' });
    expect(result.missing).toEqual(['absent']);
  });

  it('refuses what EventBridge would not do as meant', () => {
    expect(() => transformInput({ inputPaths: PATHS, inputTemplate: '"<unknown>"' }, EC2_EVENT)).toThrow(/starts no variable/);
    expect(() => transformInput({ inputPaths: PATHS, inputTemplate: '"a > b"' }, EC2_EVENT)).toThrow(/outside a placeholder/);
    expect(() => transformInput({ inputPaths: { all: '$.detail.*' }, inputTemplate: '"<all>"' }, EC2_EVENT)).toThrow(/unsupported JSON path/);
  });
});
