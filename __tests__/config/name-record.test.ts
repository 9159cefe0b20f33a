/**
 * Maps of the configuration keyed by the user's names: every key is checked and kept
 * (`__proto__` too, which zod's records drop unchecked), and a name that is not given is
 * not found, however every JavaScript object answers to it.
 */
import { z } from 'zod';
import { parseDocument } from 'yaml';
import { parseWithSchema } from '../../lib/config/schema-issues';
import { GuardrailsSchema } from '../../lib/config/schemas/guardrails';
import { LandingZoneSchema } from '../../lib/config/schemas/landing-zone';
import { nameRecord, prototypeFree } from '../../lib/name-record';

const Plans = nameRecord(z.string().regex(/^[A-Za-z_]+$/), z.strictObject({ days: z.number() }));

describe('nameRecord', () => {
  it('checks and keeps a key __proto__ in its place, in a map without a prototype', () => {
    const input = parseDocument('a: { days: 1 }\n__proto__: { days: 2 }\nconstructor: { days: 3 }\n').toJS();
    const plans = Plans.parse(input);
    expect(Object.getPrototypeOf(plans)).toBeNull();
    expect(Object.entries(plans)).toEqual([
      ['a', { days: 1 }],
      ['__proto__', { days: 2 }],
      ['constructor', { days: 3 }],
    ]);
    expect(plans.toString).toBeUndefined();
  });

  it('reports what is wrong in a __proto__ entry at its path, and a key __proto__ its key schema refuses', () => {
    expect(parseWithSchema(Plans, 'plans.yaml', JSON.parse('{"__proto__": {"days": "2", "weeks": 1}}')).issues).toEqual([
      { file: 'plans.yaml', path: ['__proto__', 'days'], message: 'expected a number, got "2"' },
      { file: 'plans.yaml', path: ['__proto__', 'weeks'], message: 'unknown key (expected one of days)' },
    ]);
    const lowercase = nameRecord(z.string().regex(/^[a-z]+$/, { error: 'expected lowercase letters' }), z.number());
    expect(parseWithSchema(lowercase, 'plans.yaml', JSON.parse('{"__proto__": 1}')).issues).toEqual([
      { file: 'plans.yaml', path: ['__proto__'], message: 'is refused as a key: expected lowercase letters' },
    ]);
  });

  it('keeps its key through checks and descriptions, and has the JSON Schema of a record', () => {
    const described = Plans.refine((plans) => Object.keys(plans).length < 3).describe('Plans by name.');
    expect(Object.keys(described.parse(JSON.parse('{"__proto__": {"days": 1}}')))).toEqual(['__proto__']);
    const record = z.record(z.string().regex(/^[A-Za-z_]+$/), z.strictObject({ days: z.number() })).describe('Plans by name.');
    expect(z.toJSONSchema(described, { io: 'input' })).toEqual(z.toJSONSchema(record, { io: 'input' }));
  });
});

describe('the maps a configuration leaves out', () => {
  it('answer no name: the defaults are prototype-free too', () => {
    const { value } = parseWithSchema(GuardrailsSchema, 'landing-zone.yaml', {});
    expect(value?.attachments.accounts.constructor).toBeUndefined();
    expect(value?.attachments.organizationalUnits.toString).toBeUndefined();
  });

  it('are prototype-free at every depth of a landing zone', () => {
    const objects: object[] = [];
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (!Array.isArray(node)) objects.push(node);
      Object.values(node).forEach(visit);
    };
    const minimal = {
      organization: { name: 'x' },
      homeRegion: 'eu-west-1',
      governedRegions: ['eu-west-1'],
      organizationalUnits: { Security: {} },
      coreAccounts: { logArchive: 'log-archive', security: 'security', organizationalUnits: { logArchive: 'Security', security: 'Security' } },
      logArchive: { bucketNamePrefix: 'x-logs' },
      alerts: { emails: ['a@example.com'] },
      stateBackend: { type: 'local' },
    };
    visit(parseWithSchema(LandingZoneSchema, 'landing-zone.yaml', minimal).value);
    expect(objects.length).toBeGreaterThan(20);
    expect(objects.filter((object) => Object.getPrototypeOf(object) !== null)).toEqual([]);
  });

  it('keeps arrays as they are, frozen ones frozen', () => {
    const frozen = prototypeFree(Object.freeze([{ a: 1 }]));
    expect(Object.isFrozen(frozen) && Array.isArray(frozen)).toBe(true);
    expect(Object.getPrototypeOf(frozen[0])).toBeNull();
  });
});
