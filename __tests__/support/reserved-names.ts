/**
 * Names that mean something to JavaScript or to Terraform, given to every named thing of a
 * configuration at once: one configuration to validate and synthesize, rather than one per
 * name. Maps are built with `Object.fromEntries`, since `{ __proto__: x }` in code sets a
 * prototype instead of a key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { ACCOUNT_KEY } from '../../lib/config/read-configuration';
import { writeFile } from './example-config';

/** Members of every object (`{}.constructor`), the key JavaScript treats apart (`__proto__`), and one of every function. */
export const JAVASCRIPT_NAMES = ['constructor', '__proto__', 'toString', 'prototype', 'hasOwnProperty', 'valueOf'] as const;

/** Words Terraform reserves in some positions: meta-arguments, the names of module arguments and variables. */
export const TERRAFORM_WORDS = ['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'locals'] as const;

function isJavaScriptName(name: string): boolean {
  return (JAVASCRIPT_NAMES as readonly string[]).includes(name);
}

export const RESERVED_NAMES: readonly string[] = [...JAVASCRIPT_NAMES, ...TERRAFORM_WORDS];

/** The names a kind of thing takes by its own rules (AWS's, or the landing zone's for what names files and stacks). */
export const TAKES = {
  /** Policy names of every type: a letter or digit first, then letters, digits, - and _. */
  policy: (name: string) => /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name),
  /** Firewall Manager policies: letters, digits and inner hyphens. */
  firewallPolicy: (name: string) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(name),
  /** Incident Manager contacts (and escalation plans, response plans, chat channels): lowercase letters, digits and inner hyphens. */
  contact: (name: string) => /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(name),
  /** The inline policy files of permission sets, `permission-sets/<name>.json`: lowercase letters, digits and -. */
  inlinePolicyFile: (name: string) => /^[a-z0-9][a-z0-9-]*$/.test(name),
  /** Conformance packs: a letter, then letters, digits and -. */
  conformancePack: (name: string) => /^[a-zA-Z][-a-zA-Z0-9]*$/.test(name),
  /** Request files, which name the account's stacks. */
  requestFile: (name: string) => ACCOUNT_KEY.test(name),
};

/** The request file of the account named `name` (its `name:`), `accounts/<key>.yaml`. */
export function accountKey(name: string): string {
  return TAKES.requestFile(name) ? name : `named-${RESERVED_NAMES.indexOf(name)}`;
}

/** A tag for each name, keyed by it, with a value made of it. */
export function tagsOf(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, `value-of-${name.replace(/_/g, '-')}`]));
}

/**
 * The example with every name of `names` given to each thing that takes it: an OU (at the
 * root, and under itself), an account (named so, in that OU, tagged with every name), a tag
 * key (of accounts, OUs, permission sets and Firewall Manager scopes; the JavaScript names required too: every required tag lengthens the SCP that requires them), a group, a
 * permission set, a custom SCP, a permission set's inline policy file, a Firewall Manager
 * policy, a contact, a conformance pack; every one of them attached, granted or engaged by
 * name. Backup plans share the custom SCPs' namespace: `withBackupPlans` names them instead.
 */
export function giveReservedNames(directory: string, names: readonly string[], { withBackupPlans = false } = {}): void {
  const document = parseDocument(readFileSync(join(directory, 'landing-zone.yaml'), 'utf8'));
  const set = (path: readonly string[], value: unknown) => document.setIn(path, document.createNode(value));
  const tags = tagsOf(names);

  set(['requiredTags'], [...(document.getIn(['requiredTags']) as { toJSON(): unknown[] }).toJSON(), ...names.filter(isJavaScriptName).map((key) => ({ key }))]);
  for (const name of names) {
    set(['organizationalUnits', name], { tags, children: Object.fromEntries([[name, {}]]) });
    const path = `${name}/${name}`;
    if (withBackupPlans && TAKES.policy(name)) set(['backup', 'plans', name], { deleteAfterDays: 7, tagValues: [name] });
    // At most 10 SCPs reach one target: each gets the policy of its own name, or constructor's.
    const attached = { [withBackupPlans ? 'backupPolicies' : 'serviceControlPolicies']: [TAKES.policy(name) ? name : 'constructor'] };
    set(['guardrails', 'attachments', 'organizationalUnits', path], attached);
    set(['guardrails', 'attachments', 'accounts', name], attached);
    set(['identityCenter', 'groups', name], { create: true });
    const permissionSet = { description: `For ${name}`, awsManagedPolicies: ['ReadOnlyAccess'], tags };
    set(['identityCenter', 'permissionSets', name], TAKES.inlinePolicyFile(name) ? { ...permissionSet, inlinePolicyFile: name } : permissionSet);
    set(
      ['identityCenter', 'grants'],
      [
        ...(document.getIn(['identityCenter', 'grants']) as { toJSON(): unknown[] }).toJSON(),
        { group: name, permissionSets: [name], organizationalUnits: [name], accounts: [name] },
      ],
    );
    if (TAKES.firewallPolicy(name)) {
      set(['firewallManager', 'policies', name], {
        type: 'securityGroupsContentAudit',
        description: `Administration ports, in ${name}`,
        ports: [22],
        scope: { include: { organizationalUnits: [path], accounts: [name] }, resourceTags: tagsOf(names.filter(isJavaScriptName)) },
      });
    }
    if (TAKES.contact(name)) set(['incidentResponse', 'incidentManager', 'contacts', name], { email: `${name}@example.com` });
    if (TAKES.conformancePack(name)) set(['detectiveControls', 'attachments', 'organizationalUnits', path], { conformancePacks: [name] });
  }
  // Incident Manager on, as an organization that already uses it has it, so that the contacts are made.
  set(['incidentResponse', 'incidentManager', 'enabled'], true);
  const stages = ['incidentResponse', 'incidentManager', 'escalationPlans', 'security-on-call', 'stages'];
  set(stages, [...(document.getIn(stages) as { toJSON(): unknown[] }).toJSON(), { durationMinutes: 5, contacts: names.filter(TAKES.contact) }]);
  writeFile(directory, 'landing-zone.yaml', document.toString());

  for (const name of names) {
    writeFile(
      directory,
      `accounts/${accountKey(name)}.yaml`,
      stringify({
        name,
        email: `aws-${accountKey(name)}@example.com`,
        ou: `${name}/${name}`,
        tags: { owner: name, environment: 'sandbox', 'cost-center': '5100', ...tags },
        budget: { monthlyLimitUsd: 10, alertEmails: ['finops@example.com'] },
        access: [{ group: name, permissionSets: [name] }],
      }),
    );
    if (!withBackupPlans && TAKES.policy(name)) {
      const document = { Version: '2012-10-17', Statement: [{ Sid: 'DenyVpcCreation', Effect: 'Deny', Action: 'ec2:CreateVpc', Resource: '*' }] };
      writeFile(directory, `scps/${name}.json`, JSON.stringify(document));
    }
    if (TAKES.inlinePolicyFile(name)) {
      writeFile(
        directory,
        `permission-sets/${name}.json`,
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeVpcs', Resource: '*' }] }),
      );
    }
    if (TAKES.conformancePack(name)) {
      const pack = {
        Resources: Object.fromEntries([
          [
            name.replace(/[^A-Za-z0-9]/g, ''),
            {
              Type: 'AWS::Config::ConfigRule',
              Properties: { ConfigRuleName: `${name}-s3-versioning`, Source: { Owner: 'AWS', SourceIdentifier: 'S3_BUCKET_VERSIONING_ENABLED' } },
            },
          ],
        ]),
      };
      writeFile(directory, `conformance-packs/${name}.yaml`, stringify(pack));
    }
  }
  // Every account of the example carries the required tags too.
  for (const file of ['log-archive', 'management', 'payments-dev', 'payments-prod', 'sandbox-data-science', 'security', 'shared-services']) {
    const request = parseDocument(readFileSync(join(directory, 'accounts', `${file}.yaml`), 'utf8'));
    for (const [key, value] of Object.entries(tags)) request.setIn(['tags', key], value);
    writeFile(directory, `accounts/${file}.yaml`, request.toString());
  }
}
