/**
 * The evaluator of lib/iam against the IAM simulation engine (@cloud-copilot/iam-simulate):
 * thousands of generated requests, seeded, over the SCP and RCP chains of every member
 * account of the synthesized example and over custom policies that use every operator,
 * NotAction, NotResource, policy variables and multivalued keys. For each request the SCP
 * result and the RCP result of both must agree; a disagreement prints the request.
 *
 * Where the engine departs from what AWS documents, the evaluator follows AWS and those
 * requests are left out of the comparison, each for its reason (see EXCLUSIONS); they are
 * checked against AWS's rule instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSimulation, type SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import {
  type ChainEvaluation,
  FULL_AWS_ACCESS,
  type OrganizationAccount,
  outcomeOf,
  type PolicyLevel,
  RCP_FULL_AWS_ACCESS,
} from '../../lib/iam/evaluation/organization-policy-evaluation';
import { requestContext } from '../../lib/iam/evaluation/request-context';
import { exampleOutput } from '../support/example-output';
import {
  generateAction,
  generateContext,
  generatePrincipal,
  generateResource,
  type GeneratedPrincipal,
  pick,
  seededRandom,
  type Vocabulary,
  vocabularyOf,
} from '../support/generated-requests';
import { ORGANIZATION_ID, resourceControlPolicyChain, serviceControlPolicyChain } from '../support/scp-chain';

const ADMINISTRATOR = { name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } };
const OPEN_RESOURCE_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] };

/** The member accounts of the example, each with an id of its own digit: 222222222222 ... */
const EXAMPLE_ACCOUNTS = ['log-archive', 'security', 'shared-services', 'payments-dev', 'payments-prod', 'sandbox-data-science'];

const REQUESTS_PER_EXAMPLE_ACCOUNT = 500;
const REQUESTS_PER_CUSTOM_CHAIN = 1100;
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-south-1'];

function fixture(name: string): { name: string; policy: unknown } {
  return { name, policy: JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'organization-policies', `${name}.json`), 'utf8')) };
}

interface Scenario {
  readonly name: string;
  readonly accountId: string;
  readonly serviceControlPolicies: SimulationOrgPolicies[];
  /** Without RCPFullAWSAccess, which the engine adds to every level itself. */
  readonly resourceControlPolicies: SimulationOrgPolicies[];
  readonly requests: number;
}

/** The levels as the evaluator takes them: root, OUs, account; RCPFullAWSAccess heading each RCP level, as AWS attaches it. */
function levelsOf(chain: SimulationOrgPolicies[], resourceControl: boolean): PolicyLevel[] {
  return chain.map((level, index) => ({
    target:
      index === 0
        ? { kind: 'root' }
        : index === chain.length - 1
          ? { kind: 'account', name: level.orgIdentifier }
          : { kind: 'organizational-unit', path: level.orgIdentifier },
    policies: [
      ...(resourceControl ? [RCP_FULL_AWS_ACCESS] : []),
      ...level.policies.map((policy) => (policy.name === FULL_AWS_ACCESS.name ? FULL_AWS_ACCESS : { name: policy.name, document: policy.policy })),
    ],
  }));
}

function customScenarios(): Scenario[] {
  const full = { name: FULL_AWS_ACCESS.name, policy: FULL_AWS_ACCESS.document };
  return [
    {
      name: 'custom-deny-lists',
      accountId: '111122223333',
      serviceControlPolicies: [
        { orgIdentifier: 'root', policies: [full, fixture('conditions-of-every-operator')] },
        { orgIdentifier: 'Teams', policies: [full, fixture('not-action-not-resource')] },
        { orgIdentifier: 'custom-deny-lists', policies: [full, fixture('policy-variables'), fixture('multivalued-keys')] },
      ],
      resourceControlPolicies: [
        { orgIdentifier: 'root', policies: [fixture('resource-perimeter')] },
        { orgIdentifier: 'Teams', policies: [] },
        { orgIdentifier: 'custom-deny-lists', policies: [] },
      ],
      requests: REQUESTS_PER_CUSTOM_CHAIN,
    },
    {
      name: 'custom-allow-list',
      accountId: '444455556666',
      serviceControlPolicies: [
        { orgIdentifier: 'root', policies: [full] },
        { orgIdentifier: 'Restricted', policies: [fixture('allow-list')] },
        { orgIdentifier: 'custom-allow-list', policies: [full, fixture('policy-variables')] },
      ],
      resourceControlPolicies: [],
      requests: REQUESTS_PER_CUSTOM_CHAIN,
    },
  ];
}

function exampleScenarios(): Scenario[] {
  return EXAMPLE_ACCOUNTS.map((account, index) => ({
    name: account,
    accountId: String(index + 2).repeat(12),
    serviceControlPolicies: serviceControlPolicyChain(exampleOutput(), account),
    resourceControlPolicies: resourceControlPolicyChain(exampleOutput(), account),
    requests: REQUESTS_PER_EXAMPLE_ACCOUNT,
  }));
}

type ChainResult = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied' | 'not evaluated';

function resultOf(chain: ChainEvaluation): ChainResult {
  if (!chain.applies) return 'not evaluated';
  const statements = chain.levels.flatMap((level) => level.policies.flatMap((policy) => policy.statements));
  if (statements.some((statement) => statement.applies && statement.statement.effect === 'Deny')) return 'ExplicitlyDenied';
  return chain.levels.every((level) => level.allowed) ? 'Allowed' : 'ImplicitlyDenied';
}

/** A policy type that does not reach a request lets it through, as one that allows it. */
function effect(result: ChainResult): ChainResult {
  return result === 'not evaluated' ? 'Allowed' : result;
}

/**
 * Requests where the engine departs from AWS's documented behaviour, left out of the
 * comparison of one policy type, with the reason; the evaluator's own answer for them is
 * checked against AWS's rule.
 */
const EXCLUSIONS: readonly {
  readonly reason: string;
  readonly applies: (request: { readonly principal: GeneratedPrincipal; readonly action: string }) => boolean;
  readonly types: readonly ('scp' | 'rcp')[];
}[] = [
  {
    reason: 'AWS Organizations: SCPs and RCPs do not restrict service-linked roles; the engine applies both to them',
    applies: ({ principal }) => principal.kind === 'service-linked-role',
    types: ['scp', 'rcp'],
  },
  {
    reason: 'AWS KMS: the kms:RetireGrant permission is not effective in an RCP, even under kms:*; the engine applies the RCP',
    applies: ({ action }) => action.toLowerCase() === 'kms:retiregrant',
    types: ['rcp'],
  },
];

interface Disagreement {
  readonly scenario: string;
  readonly request: unknown;
  readonly type: 'scp' | 'rcp';
  readonly evaluator: ChainResult;
  readonly engine: ChainResult;
}

/** Keys the requests derive from the principal and the region rather than draw at random. */
const DERIVED_KEYS = new Set([
  'aws:principalarn',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:requestedregion',
  'aws:username',
  'aws:principalisawsservice',
]);

function derivedContext(principal: GeneratedPrincipal, region: string, pickOrganization: () => string | undefined): Record<string, string> {
  const context: Record<string, string> = Object.create(null);
  context['aws:RequestedRegion'] = region;
  context['aws:PrincipalIsAWSService'] = String(principal.kind === 'service');
  if (principal.principalArn) context['aws:PrincipalArn'] = principal.principalArn;
  if (principal.account) context['aws:PrincipalAccount'] = principal.account;
  const organization = principal.kind === 'outside' ? pickOrganization() : principal.kind === 'service' ? undefined : ORGANIZATION_ID;
  if (organization) context['aws:PrincipalOrgID'] = organization;
  const user = /:user\/(.+)$/.exec(principal.principal);
  if (user) context['aws:username'] = user[1];
  return context;
}

describe('the evaluator agrees with the IAM simulation engine', () => {
  let compared = 0;
  const disagreements: Disagreement[] = [];

  beforeAll(async () => {
    const random = seededRandom(20261207);
    for (const scenario of [...exampleScenarios(), ...customScenarios()]) {
      const documents = [...scenario.serviceControlPolicies, ...scenario.resourceControlPolicies].flatMap((level) =>
        level.policies.map((policy) => policy.policy),
      );
      const vocabulary: Vocabulary = vocabularyOf(documents);
      const account: OrganizationAccount = {
        id: scenario.accountId,
        name: scenario.name,
        management: false,
        serviceControlPolicies: levelsOf(scenario.serviceControlPolicies, false),
        resourceControlPolicies: levelsOf(scenario.resourceControlPolicies, true),
      };
      for (let count = 0; count < scenario.requests;) {
        const region = pick(random, REGIONS);
        const action = await generateAction(random, vocabulary);
        const resource = await generateResource(random, action, region, scenario.accountId, vocabulary);
        const principal = generatePrincipal(random, scenario.accountId, vocabulary);
        const context = {
          ...(await generateContext(random, vocabulary, DERIVED_KEYS)),
          ...derivedContext(principal, region, () => pick(random, ['o-otherorg123', undefined])),
        };
        const inAccount = principal.account === scenario.accountId && principal.kind !== 'service';
        const response = await runSimulation(
          {
            request: { principal: principal.principal, action, resource: { resource, accountId: scenario.accountId }, contextVariables: context },
            identityPolicies: principal.kind === 'service' ? [] : [ADMINISTRATOR],
            serviceControlPolicies: inAccount ? scenario.serviceControlPolicies : [],
            resourceControlPolicies: scenario.resourceControlPolicies,
            resourcePolicy: OPEN_RESOURCE_POLICY,
          },
          {},
        );
        const request = { principal: principal.principal, action, resource, context };
        // A resource that the engine's copy of AWS's ARN formats matches to none, or to more than one, of the action's resource types: drawn again.
        if (response.resultType === 'error' && ['no.resource.types', 'multiple.resource.types'].includes(response.errors.message)) continue;
        if (response.resultType !== 'single') throw new Error(`the engine did not take ${JSON.stringify(request)}: ${JSON.stringify(response)}`);
        count++;
        const ignored = new Set((response.result.ignoredContextKeys ?? []).map((key) => key.toLowerCase()));
        const outcome = await outcomeOf({
          action,
          resource,
          principal: principal.principal,
          context: requestContext(Object.entries(context).filter(([key]) => !ignored.has(key.toLowerCase()))),
          principalAccount: inAccount ? account : undefined,
          resourceAccount: account,
        });
        const results = {
          scp: {
            evaluator: resultOf(outcome.serviceControlPolicies),
            engine: (inAccount ? response.result.analysis.scpAnalysis?.result : undefined) ?? 'not evaluated',
          },
          rcp: { evaluator: resultOf(outcome.resourceControlPolicies), engine: response.result.analysis.rcpAnalysis?.result ?? 'not evaluated' },
        } as const;
        for (const type of ['scp', 'rcp'] as const) {
          const exclusion = EXCLUSIONS.find((candidate) => candidate.types.includes(type) && candidate.applies({ principal, action }));
          if (exclusion) {
            if (results[type].evaluator !== 'not evaluated') {
              disagreements.push({ scenario: scenario.name, request, type, evaluator: results[type].evaluator, engine: 'not evaluated' });
            }
          } else if (effect(results[type].evaluator) !== effect(results[type].engine)) {
            disagreements.push({ scenario: scenario.name, request, type, ...results[type] });
          }
        }
        compared++;
      }
    }
  }, 600_000);

  it('over more than 5,000 requests', () => {
    expect(compared).toBeGreaterThanOrEqual(5000);
  });

  it('agrees on every SCP and RCP decision; where AWS documents otherwise, the evaluator follows AWS', () => {
    if (disagreements.length > 0) console.error(JSON.stringify(disagreements.slice(0, 20), null, 2));
    expect(disagreements).toEqual([]);
  });
});
