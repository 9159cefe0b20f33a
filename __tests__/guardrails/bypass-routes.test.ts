/**
 * Every way around the guardrails that `lib/guardrails/bypass-routes.ts` lists, tried on
 * the example's synthesized policies with an IAM policy simulator: the SCPs and RCPs that
 * reach the account (root, OUs, account, as Terraform would attach them), the identity
 * policy of an administrator, and the resource's own policy where the landing zone writes
 * one. A route said to be denied is denied, by the guardrail named; a route left open is
 * open, so that closing it changes the table too; the request a route is for is allowed
 * once its first step has succeeded, so the step that is denied is the one that matters.
 */
import { runSimulation, type RequestAnalysis, type SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import { BYPASS_ROUTES, type BypassAccount, type BypassAttempt, type BypassRoute } from '../../lib/guardrails/bypass-routes';
import { RESOURCE_CONTROL_POLICY_GUARDRAILS, SERVICE_CONTROL_POLICY_GUARDRAILS } from '../../lib/guardrails/catalogue';
import { readStack, type TerraformJson } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { ORGANIZATION_ID, resourceControlPolicyChain, serviceControlPolicyChain } from '../support/scp-chain';
import { policyFromTerraform } from '../support/terraform-values';

const ACCOUNTS: Record<BypassAccount, { readonly key: string; readonly id: string }> = {
  'a member account': { key: 'payments-prod', id: '666666666666' },
  'the security account': { key: 'security', id: '333333333333' },
  'the log-archive account': { key: 'log-archive', id: '222222222222' },
  'a Sandbox account': { key: 'sandbox-data-science', id: '777777777777' },
};
const MANAGEMENT = '111111111111';
const OUTSIDE = { account: '999999999999', organization: 'o-otherorg22' };

/** The values of the references in the policies the routes read, once deployed. */
const DEPLOYED = {
  'data.aws_organizations_organization.organization.id': ORGANIZATION_ID,
  'data.terraform_remote_state.account_log_archive.outputs.account_id': ACCOUNTS['the log-archive account'].id,
  'data.terraform_remote_state.account_security.outputs.account_id': ACCOUNTS['the security account'].id,
};

const ALLOW_ALL = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

/** The resource of `type` at the construct `path` of a synthesized stack. */
function resourceAt(stack: string, type: string, path: string): TerraformJson {
  const found = Object.values<TerraformJson>(readStack(exampleOutput(), stack).resource[type] ?? {}).filter(
    (resource) => resource['//'].metadata.path === `${stack}/${path}`,
  );
  if (found.length !== 1) throw new Error(`expected one ${type} at ${stack}/${path}, found ${found.length}`);
  return found[0];
}

/**
 * A key policy as synthesized, its encryption context conditions set aside: the simulator
 * cannot read them (the log archive's tests check their shape), and they only narrow an allow.
 */
function keyPolicy(path: string): unknown {
  const policy = policyFromTerraform(resourceAt('log-archive', 'aws_kms_key', path).policy, DEPLOYED);
  for (const statement of policy.Statement) {
    for (const keys of Object.values<Record<string, unknown>>(statement.Condition ?? {})) {
      for (const key of Object.keys(keys)) if (key.startsWith('kms:EncryptionContext:')) delete keys[key];
    }
  }
  return policy;
}

/** The resource policies the routes meet, by route: the landing zone's own, or a team's that lets everyone in. */
const RESOURCE_POLICIES: Record<string, () => unknown> = {
  'region-deny-assume-access-role': () => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` }, Action: 'sts:AssumeRole', Resource: '*' }],
  }),
  'waf-log-delivery-elsewhere': () => {
    const bucketPolicies = Object.values<TerraformJson>(readStack(exampleOutput(), 'firewall-manager').resource.aws_s3_bucket_policy);
    const waf = bucketPolicies.find((policy) => policy['//'].metadata.path === 'firewall-manager/firewall_manager/waf_logs/eu_west_1/policy')!;
    return policyFromTerraform(waf.policy, DEPLOYED);
  },
  'log-read-transcripts': () => keyPolicy('session_logs_key'),
  'log-read-config': () => keyPolicy('config_key'),
  'log-read-trail': () => keyPolicy('cloudtrail_key'),
};

/** Where no policy of the landing zone's is on the resource: AWS's default key policy, and a team's bucket or table policy open to all. */
function defaultResourcePolicy({ action, resource }: BypassAttempt, accountId: string): unknown {
  if (action.startsWith('kms:') && resource.includes(':key/')) {
    return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'kms:*', Resource: '*' }] };
  }
  if (/^(s3|dynamodb):/.test(action)) return { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' }] };
  return undefined;
}

const chains = new Map<string, { scps: SimulationOrgPolicies[]; rcps: SimulationOrgPolicies[] }>();
function chainsOf(accountKey: string) {
  if (!chains.has(accountKey)) {
    chains.set(accountKey, {
      scps: serviceControlPolicyChain(exampleOutput(), accountKey),
      rcps: resourceControlPolicyChain(exampleOutput(), accountKey),
    });
  }
  return chains.get(accountKey)!;
}

/** Who makes the request, and what the request says of them. */
function principalOf(
  who: BypassAttempt['who'],
  accountId: string,
): { principal: string; context: Record<string, string>; service?: boolean; outside?: boolean } {
  if (who.endsWith('.amazonaws.com')) return { principal: who, context: { 'aws:PrincipalIsAWSService': 'true' }, service: true };
  if (who === 'a principal outside the organization') {
    const principal = `arn:aws:iam::${OUTSIDE.account}:role/partner-reader`;
    return {
      principal,
      context: { 'aws:PrincipalArn': principal, 'aws:PrincipalAccount': OUTSIDE.account, 'aws:PrincipalOrgID': OUTSIDE.organization },
      outside: true,
    };
  }
  const principal =
    who === 'an administrator'
      ? `arn:aws:iam::${accountId}:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Administrator_0123456789abcdef`
      : who === 'the access role'
        ? `arn:aws:iam::${accountId}:role/OrganizationAccountAccessRole`
        : who === 'the root user' || who === 'a root session'
          ? `arn:aws:iam::${accountId}:root`
          : `arn:aws:iam::${accountId}:role/${who.slice('the role '.length)}`;
  return {
    principal,
    context: {
      'aws:PrincipalArn': principal,
      'aws:PrincipalAccount': accountId,
      'aws:PrincipalOrgID': ORGANIZATION_ID,
      ...(who === 'a root session' ? { 'aws:AssumedRoot': 'true' } : {}),
    },
  };
}

interface Decision {
  readonly result: string;
  /** The policies whose statements denied the request. */
  readonly deniedBy: readonly string[];
}

async function decide(route: BypassRoute, attempt: BypassAttempt): Promise<Decision> {
  const { key, id } = ACCOUNTS[attempt.account];
  const { principal, context, service, outside } = principalOf(attempt.who, id);
  const resourcePolicy = RESOURCE_POLICIES[route.id]?.() ?? defaultResourcePolicy(attempt, id);
  const { scps, rcps } = chainsOf(key);
  const response = await runSimulation(
    {
      request: {
        principal,
        action: attempt.action,
        resource: { resource: attempt.resource.replace(/ACCOUNT/g, id), accountId: id },
        contextVariables: {
          'aws:RequestedRegion': attempt.region ?? 'eu-west-1',
          'aws:SecureTransport': 'true',
          ...context,
          ...(attempt.context as Record<string, string | string[]>),
        },
      },
      // An outside principal is an administrator of its own account, under SCPs of its own organization.
      identityPolicies: service ? [] : [{ name: 'AdministratorAccess', policy: ALLOW_ALL }],
      serviceControlPolicies: service || outside ? [] : scps,
      resourceControlPolicies: rcps,
      ...(resourcePolicy ? { resourcePolicy } : {}),
    },
    {},
  );
  if (response.resultType === 'error') throw new Error(`the simulation of ${attempt.action} rejected its input: ${JSON.stringify(response.errors)}`);
  const analyses: RequestAnalysis[] = response.resultType === 'single' ? [response.result.analysis] : response.results.map((result) => result.analysis);
  const organizationDenials = analyses
    .flatMap((analysis) => [...(analysis.scpAnalysis?.ouAnalysis ?? []), ...(analysis.rcpAnalysis?.ouAnalysis ?? [])])
    .flatMap((level) => level.denyStatements.map((statement) => statement.policyId));
  return { result: response.overallResult, deniedBy: [...new Set(organizationDenials)] };
}

describe.each(BYPASS_ROUTES.map((route) => [`${route.guardrail}: ${route.way}`, route] as const))('%s', (_name, route) => {
  const { verdict, attempt } = route;
  if ('deniedBy' in verdict) {
    it(`is denied by ${verdict.deniedBy}`, async () => {
      expect(await decide(route, attempt!)).toEqual({ result: 'ExplicitlyDenied', deniedBy: expect.arrayContaining([verdict.deniedBy]) });
    });
  } else if ('deniedByPolicy' in verdict) {
    it(`is denied by ${verdict.deniedByPolicy}`, async () => {
      expect(RESOURCE_POLICIES[route.id]).toBeDefined();
      expect((await decide(route, attempt!)).result).not.toBe('Allowed');
    });
  } else if ('outOfScope' in verdict) {
    it('is open, as the table says', async () => {
      expect((await decide(route, attempt!)).result).toBe('Allowed');
    });
  } else {
    it('is refused by AWS, which no policy simulation shows: it names no request', () => {
      expect(attempt).toBeUndefined();
      expect(route.then).toBeUndefined();
    });
  }
  if (route.then) {
    it('leads to a request allowed once the denied step had succeeded', async () => {
      expect((await decide(route, route.then!)).result).toBe('Allowed');
    });
  }
});

describe('the bypass routes', () => {
  it('name a request for every route but those AWS refuses', () => {
    expect(BYPASS_ROUTES.filter((route) => !('refusedByAws' in route.verdict) && !route.attempt).map((route) => route.id)).toEqual([]);
  });

  it('have unique ids, and a resource policy for each route a resource policy denies, and for no other', () => {
    expect(new Set(BYPASS_ROUTES.map((route) => route.id)).size).toBe(BYPASS_ROUTES.length);
    const withPolicy = BYPASS_ROUTES.filter((route) => 'deniedByPolicy' in route.verdict).map((route) => route.id);
    expect(Object.keys(RESOURCE_POLICIES).sort()).toEqual(withPolicy.sort());
  });

  it('cover every guardrail of the catalogue that protects something: each SCP but the tag requirement, and each RCP', () => {
    const protective = [...SERVICE_CONTROL_POLICY_GUARDRAILS, ...RESOURCE_CONTROL_POLICY_GUARDRAILS]
      .map((guardrail) => guardrail.id)
      .filter((id) => id !== 'require-tags-on-create');
    expect(protective.filter((id) => !BYPASS_ROUTES.some((route) => route.guardrail === id))).toEqual([]);
  });
});
