/** The shape of an account request file, `accounts/<name>.yaml`: the vending interface. */
import { z } from 'zod';
import { AccountAccessSchema } from './identity-center';
import { AccountIdSchema, AccountNameSchema, AlternateContactsSchema, EmailSchema, EmailSetSchema, setOf, TagsSchema } from './common';

export const ACCOUNT_ROLES = ['management', 'log-archive', 'security', 'workload'] as const;

/**
 * `active`; `suspended`: moved to the suspended OU (deny-all), its baseline kept, nobody
 * signs in; `closing`: as suspended, and the account closes when its request file is then
 * deleted.
 */
export const ACCOUNT_LIFECYCLES = ['active', 'suspended', 'closing'] as const;
export type AccountLifecycle = (typeof ACCOUNT_LIFECYCLES)[number];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const BudgetSchema = z
  .strictObject({
    monthlyLimitUsd: z.number().positive().describe('The monthly cost budget, in US dollars.'),
    alertEmails: EmailSetSchema.min(1).max(10).describe('Who is told when a threshold is crossed (at most 10).'),
    thresholdsPercent: setOf(z.number().positive().max(1000))
      .min(1)
      .max(5)
      .default([80, 100])
      .describe('Alert when actual cost, or the forecast, crosses these percentages of the limit.'),
  })
  .describe('A monthly AWS Budget for the account, with email alerts.');

export const AccountSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: AccountNameSchema.describe('The AWS account name (1-50 printable ASCII characters).'),
    email: EmailSchema.describe('The root user email; unique across all of AWS.'),
    role: z
      .enum(ACCOUNT_ROLES)
      .default('workload')
      .describe('management, log-archive, security, or workload (the default).'),
    ou: z
      .string()
      .min(1)
      .optional()
      .describe('The OU path from landing-zone.yaml, such as Workloads/Prod; absent for the management account.'),
    accountId: AccountIdSchema.optional().describe('Id of an existing account to adopt (imported rather than created).'),
    tags: TagsSchema.default({}).describe('Tags on the account; must include the required tags of landing-zone.yaml.'),
    alternateContacts: AlternateContactsSchema.optional().describe('Overrides the defaults of landing-zone.yaml.'),
    budget: BudgetSchema,
    access: z.array(AccountAccessSchema).default([]).describe("Permission sets of landing-zone.yaml's identityCenter granted on this account, to a group or a user."),
    lifecycle: z
      .enum(ACCOUNT_LIFECYCLES)
      .default('active')
      .describe('active (the default); suspended: in the suspended OU, deny-all, nobody signs in; closing: as suspended, and deleting this file then closes the account.'),
  })
  .describe('A request for one AWS account.');

export type AccountConfig = z.output<typeof AccountSchema>;
export type BudgetConfig = z.output<typeof BudgetSchema>;
