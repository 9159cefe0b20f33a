/**
 * The Firewall Manager part of the model: every policy in every region it is made in, its
 * scope resolved to OUs (by path, their ids read from the management stack's state) and
 * accounts, and what the security account holds for the policies.
 */
import type { FirewallManagerPlan } from '../config/firewall-manager-plans';
import type { DnsFirewallManagedDomainList } from '../firewall-policies/dns-firewall-policy';
import type { AwsRegion } from '../iam/aws-regions';
import type { Account } from './accounts';

/** OUs and accounts a scope names. */
export interface FirewallManagerTargets {
  /** An OU reaches every account in it and in the OUs below it, those added later too. */
  readonly organizationalUnitPaths: readonly string[];
  readonly accounts: readonly Account[];
}

/** Which accounts and resources a policy applies to: every account of the organization, but for what include or exclude says. */
export interface FirewallManagerScope {
  /** @default every account */
  readonly include?: FirewallManagerTargets;
  /** @default none left out */
  readonly exclude?: FirewallManagerTargets;
  /** Resources with all of these tags only, or all but them when `excludeResourceTags`. */
  readonly resourceTags: Readonly<Record<string, string>>;
  readonly excludeResourceTags: boolean;
}

export interface FirewallManagerPolicy extends FirewallManagerPlan {
  readonly scope: FirewallManagerScope;
}

/** The bucket the WAF policies of one region log to, in the security account. */
export interface WafLogBucket {
  readonly region: AwsRegion;
  readonly bucketName: string;
  /** Where the bucket's S3 server access logs go. */
  readonly accessLogsBucketName: string;
}

export interface FirewallManager {
  /** By policy in the order of the file, each in its regions in order. */
  readonly policies: readonly FirewallManagerPolicy[];
  /** By region, the security account's VPC of the audit and primary security groups, where the configuration names one; the landing zone makes the others. */
  readonly referenceSecurityGroupVpcs: Readonly<Partial<Record<AwsRegion, string>>>;
  /** By region, the ids of the AWS managed domain lists. */
  readonly dnsFirewallDomainLists: Readonly<Partial<Record<AwsRegion, Readonly<Partial<Record<DnsFirewallManagedDomainList, string>>>>>>;
  /** One per region where a WAF policy logs. */
  readonly wafLogBuckets: readonly WafLogBucket[];
  /** Days before WAF logs move to S3 Glacier Flexible Retrieval, and expire, as the log archive's logs do. */
  readonly logLifecycle: { readonly archiveAfterDays: number; readonly expireAfterDays?: number };
  /** A Shield Advanced policy needs the administrator account subscribed. */
  readonly shieldAdvancedSubscription: boolean;
  /** DNS Firewall and Network Firewall policies need AWS RAM's sharing with the organization. */
  readonly resourceSharing: boolean;
}
