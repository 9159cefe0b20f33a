/**
 * The Firewall Manager policies, in a state of their own in the security account, which
 * is Firewall Manager's administrator (registered from us-east-1 by the
 * organization-services stack): policies are made from the administrator, each in its
 * region, and reach the accounts of the organization by OU and account ids. OU ids come
 * from the management stack's state, the ids of vended accounts from their account stacks',
 * so that an account vended into an OU in scope is covered with no change here.
 *
 * Apart from the security stack, a change of a firewall policy (whose remediation reaches
 * every account in scope) is a plan of its own, and the security stack's review stays small.
 */
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import type { Construct } from 'constructs';
import type { AwsRegion } from '../lib/iam/aws-regions';
import { FirewallManagerPolicies } from '../lib/firewall-manager/firewall-manager-policies';
import { ManagedDomainLists } from '../lib/firewall-manager/managed-domain-lists';
import type { FirewallManager } from '../lib/model/firewall-manager';
import type { MemberAccount } from '../lib/model/landing-zone';
import { memberAccountProvider } from '../lib/terraform/aws-providers';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn, organizationalUnitIdIn } from './stack-outputs';

export interface FirewallManagerStackProps {
  /** Firewall Manager's administrator; the stack runs inside it. */
  readonly securityAccount: MemberAccount;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** The region of the provider; every resource names its own. */
  readonly homeRegion: AwsRegion;
  /** The policies in their regions, and what they need. */
  readonly firewallManager: FirewallManager;
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class FirewallManagerStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: FirewallManagerStackProps) {
    super(scope, name, props.stateBackend);
    const { stateBackend } = props;
    const securityAccountId = accountIdIn(this, props.securityAccount, stateBackend);
    memberAccountProvider(this, { region: props.homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });
    new FirewallManagerPolicies(this, 'firewall_manager', {
      firewallManager: props.firewallManager,
      organizationId: new DataAwsOrganizationsOrganization(this, 'organization').id,
      securityAccountId,
      domainLists: new ManagedDomainLists(this, 'managed_domain_lists', {
        accountId: securityAccountId,
        roleName: props.accountAccessRole,
        given: props.firewallManager.dnsFirewallDomainLists,
      }),
      organizationalUnitId: (path) => organizationalUnitIdIn(this, stateBackend, path),
      accountId: (account) => accountIdIn(this, account, stateBackend),
    });
  }
}
