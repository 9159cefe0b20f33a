/**
 * The ids of DNS Firewall's AWS managed domain lists, which differ by region: looked up by
 * name when Terraform plans, in the security account, so that a governed region added to
 * the configuration needs no id. AWS provider 6.25 reads a domain list by id only (its
 * `aws_route53resolver_firewall_domain_lists`, which lists them with their names, is not
 * in any release), so the lists are read through Cloud Control (awscc): every domain list
 * id of the region, then each list, keeping AWS's own (those with a managed owner) by name.
 * An id the configuration gives (`firewallManager.dnsFirewallDomainLists`) is used as it is.
 */
import { Fn, ref, TerraformDataSource, TerraformIterator, TerraformLocal, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { DnsFirewallManagedDomainList } from '../firewall-policies/dns-firewall-policy';
import type { AwsRegion } from '../iam/aws-regions';
import type { FirewallManager } from '../model/firewall-manager';
import { memberAccountCloudControlProvider } from '../terraform/aws-providers';
import { regionName } from '../terraform/terraform-names';

/** The id of a managed domain list in a region, and the check a rule that uses a looked-up id makes before it is planned. */
export interface ManagedDomainListId {
  readonly id: string;
  readonly precondition?: { readonly condition: string; readonly errorMessage: string };
}

export interface ManagedDomainListsProps {
  /** The security account, which reads the lists. */
  readonly accountId: string;
  /** The role assumed in the security account. */
  readonly roleName: string;
  /** Ids the configuration gives, by region and list. */
  readonly given: FirewallManager['dnsFirewallDomainLists'];
}

export class ManagedDomainLists extends Construct {
  /** By region, the map of managed list names to ids. */
  private readonly byRegion = new Map<AwsRegion, Record<string, unknown>>();

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ManagedDomainListsProps,
  ) {
    super(scope, id);
  }

  idOf(region: AwsRegion, list: DnsFirewallManagedDomainList): ManagedDomainListId {
    const given = this.props.given[region]?.[list];
    if (given !== undefined) return { id: given };
    const names = this.listsIn(region);
    return {
      // Read only once the precondition has found the list.
      id: Token.asString(Fn.lookup(names, list)),
      precondition: {
        condition: Token.asString(Fn.contains(Fn.keys(names), list)),
        errorMessage:
          `The AWS managed domain list ${list} is not among the DNS Firewall domain lists the security account reads in ${region} through Cloud Control. ` +
          `Give its id under firewallManager.dnsFirewallDomainLists.${region}.${list} in landing-zone.yaml (aws route53resolver list-firewall-domain-lists --region ${region}).`,
      },
    };
  }

  /** `{ name => id }` of AWS's managed lists in the region, read once a region. */
  private listsIn(region: AwsRegion): Record<string, unknown> {
    const known = this.byRegion.get(region);
    if (known !== undefined) return known;
    const name = regionName(region);
    const provider = memberAccountCloudControlProvider(this, { region, accountId: this.props.accountId, roleName: this.props.roleName });
    const ids = new TerraformDataSource(this, `domain_list_ids_${name}`, { terraformResourceType: 'awscc_route53resolver_firewall_domain_lists', provider });
    const each = TerraformIterator.fromList(ids.getListAttribute('ids'));
    const lists = new TerraformDataSource(this, `domain_lists_${name}`, {
      terraformResourceType: 'awscc_route53resolver_firewall_domain_list',
      provider,
      forEach: each,
    });
    lists.addOverride('id', each.value);
    const expression = `{ for list in data.${lists.terraformResourceType}.${lists.friendlyUniqueId} : list.name => list.firewall_domain_list_id if list.managed_owner_name != null }`;
    const names = new TerraformLocal(this, `names_${name}`, ref(expression, TerraformStack.of(this))).asAnyMap;
    this.byRegion.set(region, names);
    return names;
  }
}
