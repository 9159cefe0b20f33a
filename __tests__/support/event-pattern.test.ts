/**
 * The test support's EventBridge pattern matcher against the examples AWS documents for
 * event patterns and for Event Ruler, the engine behind them: what each says matches does,
 * and what it says does not, does not.
 */
import { matchesEventPattern } from './event-pattern';

/** The sample event of the EventBridge and Event Ruler documentation. */
const EC2_EVENT = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...EC2_EVENT, detail: { ...EC2_EVENT.detail, ...detail } });

describe('exact values', () => {
  it('matches when every field matches one of its values', () => {
    const pattern = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(matchesEventPattern(pattern, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern(pattern, withDetail({ state: 'stopped' }))).toBe(false);
  });

  it('needs every field named in the pattern to be in the event', () => {
    expect(matchesEventPattern({ detail: { missing: ['running'] } }, EC2_EVENT)).toBe(false);
  });

  it('is case-sensitive and compares types: "5" is not 5', () => {
    expect(matchesEventPattern({ source: ['AWS.EC2'] }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': ['5'] } }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': [5] } }, EC2_EVENT)).toBe(true);
  });

  it('matches an event array when it shares a value with the pattern array', () => {
    const pattern = {
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f'],
    };
    const event = {
      ...EC2_EVENT,
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matchesEventPattern(pattern, event)).toBe(true);
    expect(matchesEventPattern(pattern, EC2_EVENT)).toBe(false);
  });

  it('tells null from the empty string', () => {
    const event = withDetail({ eventVersion: '', responseElements: null });
    expect(matchesEventPattern({ detail: { eventVersion: [''] } }, event)).toBe(true);
    expect(matchesEventPattern({ detail: { responseElements: [null] } }, event)).toBe(true);
    expect(matchesEventPattern({ detail: { eventVersion: [null] } }, event)).toBe(false);
    expect(matchesEventPattern({ detail: { responseElements: [''] } }, event)).toBe(false);
  });
});

describe('content filters', () => {
  it('prefix matches the start of a string only', () => {
    expect(matchesEventPattern({ time: [{ prefix: '2017-10-02' }] }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ time: [{ prefix: '2017-10-03' }] }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': [{ prefix: '5' }] } }, EC2_EVENT)).toBe(false);
  });

  it('anything-but excludes a value, a list or a prefix, and needs the field', () => {
    expect(matchesEventPattern({ detail: { state: [{ 'anything-but': 'initializing' }] } }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ detail: { 'c-count': [{ 'anything-but': 5 }] } }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ detail: { state: [{ 'anything-but': { prefix: 'run' } }] } }, EC2_EVENT)).toBe(false);
    expect(matchesEventPattern({ detail: { missing: [{ 'anything-but': 'x' }] } }, EC2_EVENT)).toBe(false);
  });

  it('numeric compares JSON numbers with one bound or a range', () => {
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matchesEventPattern(pattern, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 6 }))).toBe(false);
    expect(matchesEventPattern(pattern, withDetail({ 'c-count': 0 }))).toBe(false);
    expect(matchesEventPattern({ detail: { 'c-count': [{ numeric: ['>=', 5] }] } }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ detail: { 'c-count': [{ numeric: ['>=', 5] }] } }, withDetail({ 'c-count': '5' }))).toBe(false);
  });

  it('exists tests for a leaf value; an object is not one', () => {
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: true }] } }, EC2_EVENT)).toBe(true);
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: false }] } }, EC2_EVENT)).toBe(false);
    const withoutCount = { ...EC2_EVENT, detail: { state: ['initializing', 'running'] } };
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: false }] } }, withoutCount)).toBe(true);
    const withObjectCount = { ...EC2_EVENT, detail: { state: ['initializing', 'running'], 'c-count': { c1: 100 } } };
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: false }] } }, withObjectCount)).toBe(true);
    expect(matchesEventPattern({ detail: { 'c-count': [{ exists: true }] } }, withObjectCount)).toBe(false);
    expect(matchesEventPattern({ detail: { responseElements: [{ exists: true }] } }, withDetail({ responseElements: null }))).toBe(true);
  });
});

describe('$or', () => {
  const cloudWatch = { source: 'aws.cloudwatch', metricName: 'NetworkIn', metricType: 'MetricType', namespace: 'AWS/EC2', scope: 'Account' };

  it('matches when any branch matches, besides the other fields', () => {
    const pattern = { source: ['aws.cloudwatch'], $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }] };
    expect(matchesEventPattern(pattern, cloudWatch)).toBe(true);
    expect(matchesEventPattern(pattern, { ...cloudWatch, namespace: 'AWS/S3' })).toBe(false);
    expect(matchesEventPattern({ ...pattern, source: ['aws.ec2'] }, cloudWatch)).toBe(false);
  });

  it('nests, with an and inside a branch', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'], $or: [{ metricId: [1234] }, { scope: ['Account'] }] },
      ],
    };
    expect(matchesEventPattern(pattern, cloudWatch)).toBe(true);
    expect(matchesEventPattern(pattern, { ...cloudWatch, scope: 'Service' })).toBe(false);
  });
});

describe('arrays of objects', () => {
  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it('matches a field of any element', () => {
    expect(matchesEventPattern({ employees: { firstName: ['Anna'] } }, employees)).toBe(true);
    expect(
      matchesEventPattern({ employees: { firstName: ['Anna'] } }, { employees: [[employees.employees[0], employees.employees[1]], [employees.employees[2]]] }),
    ).toBe(true);
  });

  it('matches fields of one element only together: array consistency', () => {
    expect(matchesEventPattern({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees)).toBe(true);
    expect(matchesEventPattern({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees)).toBe(false);
  });
});

describe('invalid and unsupported patterns', () => {
  it.each([
    ['a bare value', { source: 'aws.ec2' }],
    ['an empty array', { source: [] }],
    ['an empty object', {}],
    ['two operators in one filter', { source: [{ prefix: 'aws.', exists: true }] }],
    ['a single-branch $or', { $or: [{ source: ['aws.ec2'] }] }],
    ['a mixed anything-but list', { detail: { state: [{ 'anything-but': ['stopped', 1] }] } }],
    ['a reversed numeric range', { detail: { 'c-count': [{ numeric: ['>', 5, '<', 0] }] } }],
    ['an unknown numeric operator', { detail: { 'c-count': [{ numeric: ['!=', 5] }] } }],
    ['a suffix filter, not supported', { source: [{ suffix: 'ec2' }] }],
    ['a wildcard filter, not supported', { source: [{ wildcard: 'aws.*' }] }],
    ['a cidr filter, not supported', { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }],
  ])('throws on %s', (_name, pattern) => {
    expect(() => matchesEventPattern(pattern, EC2_EVENT)).toThrow(/invalid event pattern/);
  });
});
