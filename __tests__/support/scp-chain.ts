/**
 * The service control policies (or resource control policies) AWS Organizations evaluates
 * for one account, read back from the synthesized Terraform as Terraform would resolve it:
 * the account's parent OU from its account stack, up the OU tree of the management stack
 * to the root, each level's attachments, and each policy's content with Terraform's escapes
 * undone and the organization's id in place of its reference. FullAWSAccess, which AWS
 * attaches to every root, OU and account, heads each level of SCPs; RCPFullAWSAccess does not
 * head the RCPs: iam-simulate takes RCPs as customers may write them (deny only) and lets
 * through what no RCP of a level denies, as RCPFullAWSAccess does.
 * Output names and remote-state ids come from the stacks' contract.
 */
import type { SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import { accountStackName, MANAGEMENT_OUTPUTS, MANAGEMENT_STACK, REMOTE_STATE_IDS } from '../../stacks/stack-outputs';
import { readStack, type TerraformJson } from './example-config';
import { policyFromTerraform } from './terraform-values';

const ROOT_REFERENCE = '${aws_organizations_organization.organization.roots[0].id}';
const ACCOUNT_REFERENCE = '${aws_organizations_account.account.id}';

export const FULL_AWS_ACCESS = {
  name: 'FullAWSAccess',
  policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/** The organization's id as the simulations take it, for the policies that reference it. */
export const ORGANIZATION_ID = 'o-exampleorg1';
const ORGANIZATION_ID_REFERENCE = 'aws_organizations_organization.organization.id';

type ChainType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

/** The key an account stack looks up in an output of the management stack's state. */
function remoteStateOutputKey(reference: string, output: string): string {
  const state = `data\\.terraform_remote_state\\.${REMOTE_STATE_IDS.management}\\.outputs\\.${output}`;
  const match = new RegExp(`^\\$\\{${state}(?:\\.([\\w-]+)|\\["([^"]+)"\\])\\}$`).exec(reference);
  if (!match) throw new Error(`${reference} is not a reference to the management stack's ${output} output`);
  return match[1] ?? match[2];
}

function resourceName(reference: string, type: string): string {
  const match = new RegExp(`^\\$\\{${type}\\.([\\w-]+)\\.id\\}$`).exec(reference);
  if (!match) throw new Error(`${reference} is not the id of an ${type}`);
  return match[1];
}

function policiesAttachedTo(type: ChainType, stack: TerraformJson, target: string, policyReference: (attached: string) => string, management: TerraformJson) {
  const policies = management.resource.aws_organizations_policy;
  return Object.values<TerraformJson>(stack.resource.aws_organizations_policy_attachment ?? {})
    .filter((attachment) => attachment.target_id === target)
    .map((attachment) => policies[resourceName(policyReference(attachment.policy_id), 'aws_organizations_policy')])
    .filter((policy) => policy.type === type)
    .map((policy) => ({ name: policy.name as string, policy: policyFromTerraform(policy.content, { [ORGANIZATION_ID_REFERENCE]: ORGANIZATION_ID }) }));
}

/** Root first, then each OU from the top down, then the account, as iam-simulate expects. */
export function serviceControlPolicyChain(outdir: string, accountKey: string): SimulationOrgPolicies[] {
  return organizationPolicyChain(outdir, accountKey, 'SERVICE_CONTROL_POLICY', FULL_AWS_ACCESS);
}

/** The same for the resources of the account: its resource control policies. */
export function resourceControlPolicyChain(outdir: string, accountKey: string): SimulationOrgPolicies[] {
  return organizationPolicyChain(outdir, accountKey, 'RESOURCE_CONTROL_POLICY');
}

function organizationPolicyChain(outdir: string, accountKey: string, type: ChainType, fullAccess?: typeof FULL_AWS_ACCESS): SimulationOrgPolicies[] {
  const headed = (policies: SimulationOrgPolicies['policies']) => (fullAccess ? [fullAccess, ...policies] : policies);
  const management = readStack(outdir, MANAGEMENT_STACK);
  const accountStack = readStack(outdir, accountStackName({ key: accountKey }));
  const organizationalUnits = management.resource.aws_organizations_organizational_unit;
  const outputs = management.output;

  const parentPath = remoteStateOutputKey(accountStack.resource.aws_organizations_account.account.parent_id, MANAGEMENT_OUTPUTS.organizationalUnitIds);
  const ouTargets: { name: string; reference: string }[] = [];
  for (let reference: string = outputs[MANAGEMENT_OUTPUTS.organizationalUnitIds].value[parentPath]; reference !== ROOT_REFERENCE;) {
    const organizationalUnit = organizationalUnits[resourceName(reference, 'aws_organizations_organizational_unit')];
    ouTargets.unshift({ name: organizationalUnit.name, reference });
    reference = organizationalUnit.parent_id;
  }

  const inManagementStack = (target: string) => policiesAttachedTo(type, management, target, (policyId) => policyId, management);
  const byPolicyName = (policyId: string) => outputs[MANAGEMENT_OUTPUTS.policyIds].value[remoteStateOutputKey(policyId, MANAGEMENT_OUTPUTS.policyIds)];
  return [
    { orgIdentifier: 'root', policies: headed(inManagementStack(ROOT_REFERENCE)) },
    ...ouTargets.map(({ name, reference }) => ({ orgIdentifier: name, policies: headed(inManagementStack(reference)) })),
    { orgIdentifier: accountKey, policies: headed(policiesAttachedTo(type, accountStack, ACCOUNT_REFERENCE, byPolicyName, management)) },
  ];
}
