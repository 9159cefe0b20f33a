/**
 * AWS RAM's sharing with the organization, from the management account: Firewall Manager
 * shares the rule groups of DNS Firewall and Network Firewall policies with the accounts
 * in scope through RAM, and needs it on. It also makes RAM's service-linked role, which
 * trusted access alone (the organization lists `ram.amazonaws.com` as well, its list being
 * authoritative) does not.
 */
import { RamSharingWithOrganization } from '@cdktf/provider-aws/lib/ram-sharing-with-organization';
import type { Construct } from 'constructs';

export function resourceSharingWithOrganization(scope: Construct): void {
  new RamSharingWithOrganization(scope, 'ram_sharing_with_organization');
}
