/** Field shapes that both kinds of configuration file use. */
import { z } from 'zod';
import { AWS_REGIONS } from '../../iam/aws-regions';
import { expected } from '../schema-issues';

export const RegionSchema = z.enum(AWS_REGIONS, { error: expected('an AWS region such as eu-west-1', AWS_REGIONS) });

/** AWS Organizations: 6-64 characters. */
export const EmailSchema = z
  .email({ error: expected('an email address') })
  .min(6)
  .max(64);

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

/** AWS tag rules: key 1-128 characters and not `aws:`; value 0-256 characters. */
export const TagsSchema = z.record(
  z
    .string()
    .min(1)
    .max(128)
    .refine((key) => !key.toLowerCase().startsWith('aws:'), { error: 'tag keys starting with "aws:" are reserved by AWS' }),
  z.string({ error: expected('a tag value in quotes') }).max(256),
);

export const AlternateContactSchema = z
  .strictObject({
    name: z.string().min(1).max(64),
    title: z.string().min(1).max(50),
    email: EmailSchema,
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
