/**
 * The `identityCenter` section of landing-zone.yaml: who may sign in to which accounts, as
 * IAM Identity Center permission sets granted to groups (or users) on the root, OUs and
 * accounts; and the `access` entries of a request file, which add grants on that account.
 */
import { z } from 'zod';
import { PolicyDocumentSchema } from '../../iam/policy-document';
import { expected } from '../schema-issues';
import { AccountNameSchema, AwsManagedPolicyNameSchema, plainText, RegionSchema, setOf, TagsSchema } from './common';
import { PERMISSION_SET_POLICY_DIRECTORY } from '../configuration-entries';
import { nameRecord } from '../../name-record';

/** IAM Identity Center: a permission set's name, 1-32 of letters, digits and `+=,.@_-`. */
export const PermissionSetNameSchema = z
  .string()
  .regex(/^[\w+=,.@-]{1,32}$/, { error: expected('a permission set name: 1-32 letters, digits and +=,.@_-') });

/** A group's display name in the identity store. */
export const GroupNameSchema = plainText(1, 1024);

/** A user's user name in the identity store. */
export const UserNameSchema = plainText(1, 128);

/** The landing zone creates customer managed policies under its own prefix, which the guardrails protect. */
export const CustomerManagedPolicyNameSchema = z
  .string()
  .regex(/^landing-zone-[\w+=,.@-]{1,115}$/, { error: expected('a policy name starting with landing-zone- (the guardrails protect that prefix)') });

/** `PT1H` to `PT12H`, in hours and minutes, as ISO 8601 writes a duration. */
export const SessionDurationSchema = z
  .string()
  .regex(/^PT(?:(\d{1,2})H)?(?:(\d{1,3})M)?$/, { error: expected('an ISO 8601 duration such as PT1H or PT8H30M') })
  .refine(
    (duration) => {
      const [, hours = '0', minutes = '0'] = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration) ?? [];
      const total = Number(hours) * 60 + Number(minutes);
      return total >= 60 && total <= 720;
    },
    { error: 'expected a session of 1 to 12 hours (PT1H to PT12H), as IAM Identity Center allows' },
  );


const PermissionsBoundarySchema = z
  .strictObject({ awsManagedPolicy: AwsManagedPolicyNameSchema.optional(), customerManagedPolicy: CustomerManagedPolicyNameSchema.optional() })
  .refine((boundary) => (boundary.awsManagedPolicy === undefined) !== (boundary.customerManagedPolicy === undefined), {
    error: 'a permissions boundary names exactly one of awsManagedPolicy and customerManagedPolicy',
  });

export const PermissionSetSchema = z
  .strictObject({
    description: z
      .string()
      .min(1)
      .max(700)
      .regex(/^[\u0020-\u007E\u00A1-\u00FF]*$/, { error: 'expected a description of printable Latin-1 characters, as IAM Identity Center allows' })
      .optional(),
    sessionDuration: SessionDurationSchema.default('PT1H').describe('How long a sign-in lasts, PT1H to PT12H.'),
    awsManagedPolicies: setOf(AwsManagedPolicyNameSchema).default([]).describe('AWS managed policies by name, e.g. ReadOnlyAccess or job-function/Billing.'),
    customerManagedPolicies: setOf(CustomerManagedPolicyNameSchema)
      .default([])
      .describe('Policies of identityCenter.customerManagedPolicies, made in every account the permission set is granted in.'),
    inlinePolicy: PolicyDocumentSchema.optional().describe('The one inline policy, as a document here.'),
    inlinePolicyFile: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, { error: expected('a file name without .json') })
      .optional()
      .describe(`The one inline policy, as the JSON file ${PERMISSION_SET_POLICY_DIRECTORY}/<name>.json.`),
    permissionsBoundary: PermissionsBoundarySchema.optional().describe('{ awsManagedPolicy: <name> } or { customerManagedPolicy: <name> }.'),
    relayState: z
      .url({ protocol: /^https$/, error: expected('an https URL') })
      .max(240)
      .optional()
      .describe('Where the console opens after sign-in.'),
    tags: TagsSchema.default({}),
  })
  .refine((set) => set.inlinePolicy === undefined || set.inlinePolicyFile === undefined, { error: 'a permission set has one inline policy: inlinePolicy or inlinePolicyFile' })
  .describe('A permission set: what a person signed in through it may do in an account.');

const CustomerManagedPolicySchema = z
  .strictObject({
    description: plainText(0, 1000).optional(),
    document: PolicyDocumentSchema.describe('The policy document.'),
  })
  .describe('An IAM policy the landing zone creates in each account a permission set that names it is granted in.');

/** Who is granted: a group or a user of the identity store, by name. */
const PrincipalFields = {
  group: GroupNameSchema.optional().describe('A group of the identity store, by display name.'),
  user: UserNameSchema.optional().describe('A user of the identity store, by user name.'),
};

function exactlyOnePrincipal(grant: { readonly group?: string; readonly user?: string }): boolean {
  return (grant.group === undefined) !== (grant.user === undefined);
}

export const GrantSchema = z
  .strictObject({
    ...PrincipalFields,
    permissionSets: setOf(PermissionSetNameSchema).min(1).describe('The permission sets granted.'),
    root: z.literal(true).optional().describe('Every member account (the management account is granted only by its name).'),
    organizationalUnits: setOf(z.string().min(1)).default([]).describe('Every account in these OUs and in the OUs below them.'),
    accounts: setOf(AccountNameSchema).default([]).describe('These accounts, by name; the management account too.'),
  })
  .refine(exactlyOnePrincipal, { error: 'a grant names exactly one of group and user' })
  .refine((grant) => grant.root === true || grant.organizationalUnits.length > 0 || grant.accounts.length > 0, {
    error: 'a grant needs a target: root, organizationalUnits or accounts',
  })
  .describe('Permission sets granted to one group or user on the root, OUs or accounts.');

/** An `access` entry of a request file: a grant on that account alone. */
export const AccountAccessSchema = z
  .strictObject({ ...PrincipalFields, permissionSets: setOf(PermissionSetNameSchema).min(1) })
  .refine(exactlyOnePrincipal, { error: 'an access entry names exactly one of group and user' })
  .describe('Permission sets granted on this account to one group or user.');

export const IdentityCenterSchema = z
  .strictObject({
    region: RegionSchema.optional().describe('Where IAM Identity Center runs; the home region when absent. It must be governed.'),
    delegatedAdministrator: AccountNameSchema.optional().describe(
      'An existing member account (with accountId) that administers Identity Center; the management account when absent.',
    ),
    groups: nameRecord(
        GroupNameSchema,
        z.strictObject({
          create: z.boolean().default(false).describe('Create the group (organizations without an external identity provider); else it is looked up.'),
          description: plainText(0, 1024).optional(),
        }),
      )
      .default({})
      .describe('Groups that grants name, by display name: looked up in the identity store (SCIM), or created.'),
    permissionSets: nameRecord(PermissionSetNameSchema, PermissionSetSchema).default({}),
    customerManagedPolicies: nameRecord(CustomerManagedPolicyNameSchema, CustomerManagedPolicySchema).default({}),
    grants: z.array(GrantSchema).default([]),
    accessControlAttributes: nameRecord(z.string().regex(/^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u, { error: expected('an attribute key') }), z.array(z.string().min(1).max(256)).min(1).max(1))
      .default({})
      .describe('ABAC: attribute key to its source in the identity store, e.g. CostCenter: ["${path:enterprise.costCenter}"].'),
  })
  .describe('IAM Identity Center: permission sets, groups and who may sign in where.');

export type IdentityCenterConfig = z.output<typeof IdentityCenterSchema>;
export type PermissionSetConfig = z.output<typeof PermissionSetSchema>;
export type GrantConfig = z.output<typeof GrantSchema>;
export type AccountAccessConfig = z.output<typeof AccountAccessSchema>;
