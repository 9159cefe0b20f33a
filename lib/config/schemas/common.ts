/** Field shapes that both kinds of configuration file use. */
import { z } from 'zod';
import { quoted } from '../../diagnostics';
import { AWS_REGIONS } from '../../iam/aws-regions';
import { expected, expectedType } from '../schema-issues';
import { nameRecord } from '../../name-record';

/**
 * A list that means a set (regions, ports, OU paths, account names, e-mail addresses,
 * policy names ...): an item given a second time is refused there, by name, since AWS
 * would get it twice (two identical rules, a target named twice) or refuse it. `keyOf`
 * says what makes two items the same, and names the item in the message: the item itself
 * by default. Lists whose order or repetition means something are plain arrays.
 */
export function setOf<T extends z.ZodType<string | number>>(item: T): z.ZodArray<T>;
export function setOf<T extends z.ZodType>(item: T, keyOf: (value: z.output<T>) => string | number): z.ZodArray<T>;
export function setOf<T extends z.ZodType>(item: T, keyOf: (value: z.output<T>) => string | number = (value) => value as string | number): z.ZodArray<T> {
  return z
    .array(item)
    .meta({ uniqueItems: true })
    .check((payload) => {
      const firstAt = new Map<string | number, number>();
      payload.value.forEach((value, index) => {
        const key = keyOf(value);
        const first = firstAt.get(key);
        if (first === undefined) firstAt.set(key, index);
        else {
          const name = typeof key === 'string' ? quoted(key) : String(key);
          payload.issues.push({ code: 'custom', input: value, path: [index], message: `${name} is listed twice, as item ${first} too; keep one` });
        }
      });
    });
}

export const RegionSchema = z.enum(AWS_REGIONS, { error: expected('an AWS region such as eu-west-1', AWS_REGIONS) });

/** AWS Organizations: 6-64 characters. */
export const EmailSchema = z
  .email({ error: expected('an email address') })
  .min(6)
  .max(64);

/** E-mail addresses, each once: two that differ in case reach one mailbox. */
export const EmailSetSchema = setOf(EmailSchema, (email) => email.toLowerCase());

/** AWS managed policies by name, with their path when they have one: `AdministratorAccess`, `job-function/ViewOnlyAccess`. */
export const AwsManagedPolicyNameSchema = z
  .string()
  .regex(/^([\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/, { error: expected('an AWS managed policy name such as ReadOnlyAccess or job-function/Billing') });

export const AccountIdSchema = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number'
        ? `expected a 12-digit account id in quotes (YAML reads unquoted digits as a number and drops leading zeros), got ${issue.input}`
        : undefined,
  })
  .regex(/^\d{12}$/, { error: expected('a 12-digit account id') });

/** AWS account name: 1-50 printable ASCII characters. */
export const AccountNameSchema = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[\x20-\x7E]+$/, { error: 'expected printable ASCII characters only' });

/**
 * Text AWS takes as it is, such as a name or a title, `min` to `max` characters: control
 * characters (a newline, a tab, NUL) are refused, being always a mistake in a name.
 */
export function plainText(min: number, max: number) {
  return z
    .string()
    .min(min)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, { error: 'expected text without control characters (newlines, tabs and the like)' });
}

/** The characters AWS Organizations allows in tag keys and values. */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_CHARACTERS_MESSAGE = 'letters, digits, spaces and _ . : / = + - @';

/** AWS's limit of tags on one resource (account, OU, root, policy). */
export const MAX_TAGS_PER_RESOURCE = 50;

/** AWS tag rules: key 1-128 characters and not `aws:`; value 0-256 characters; both of the characters AWS allows; at most 50. */
export const TagKeySchema = z
  .string()
  .min(1)
  .max(128)
  .regex(TAG_CHARACTERS, { error: expected(`a tag key of ${TAG_CHARACTERS_MESSAGE}`) })
  .refine((key) => !key.toLowerCase().startsWith('aws:'), { error: 'tag keys starting with "aws:" are reserved by AWS' });

export const TagValueSchema = z
  .string({ error: expectedType('a tag value in quotes') })
  .max(256)
  .regex(TAG_CHARACTERS, { error: expected(`a tag value of ${TAG_CHARACTERS_MESSAGE}`) });

export const TagsSchema = nameRecord(TagKeySchema, TagValueSchema)
  .refine((tags) => Object.keys(tags).length <= MAX_TAGS_PER_RESOURCE, {
    error: (issue) => `expected at most ${MAX_TAGS_PER_RESOURCE} tags (AWS's limit on one resource), got ${Object.keys(issue.input as object).length}`,
  });

/** The Account Management API's pattern of a contact's e-mail address, 1-254 characters. */
export const ContactEmailSchema = z
  .string()
  .max(254)
  .regex(/^[\w+=.#|!&-]+@[\w.-]+\.\w+$/, { error: expected('an email address') });

export const AlternateContactSchema = z
  .strictObject({
    name: plainText(1, 64),
    title: plainText(1, 50),
    email: ContactEmailSchema,
    phone: z
      .string()
      .regex(/^[+]?[\d\s()-]{7,25}$/, { error: expected('a phone number such as +1 206 555 0100') }),
  })
  .describe('A contact AWS reaches about this account.');

export const ALTERNATE_CONTACT_TYPES = ['security', 'billing', 'operations'] as const;
export type AlternateContactType = (typeof ALTERNATE_CONTACT_TYPES)[number];

export const AlternateContactsSchema = z
  .strictObject({
    security: AlternateContactSchema.optional(),
    billing: AlternateContactSchema.optional(),
    operations: AlternateContactSchema.optional(),
  })
  .describe('Security, billing and operations contacts, set through the Account Management API.');

export type AlternateContact = z.output<typeof AlternateContactSchema>;
