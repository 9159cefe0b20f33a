/**
 * What AWS accepts of each Firewall Manager policy as it will be sent: its managed service
 * data within 30,000 characters, with every reference at the length it has once deployed;
 * names within each service's length, and unique in their region; and a warning beyond
 * Firewall Manager's default quota of 20 policies in one region. No text of the
 * configuration reaches the managed service data or a name but names of letters, digits
 * and hyphens, which the API's patterns take (none is a line break its pattern refuses).
 */
import type { Issue } from '../../diagnostics';
import { managedServiceDataText, MANAGED_SERVICE_DATA_MAX_LENGTH } from '../../firewall-policies/managed-service-data';
import { wafRuleGroupArn, s3BucketArn } from '../../iam/arns';
import { dnsFirewallRuleGroupName, referenceSecurityGroupName, wafLogBucketName, wafRateBasedRuleGroupName } from '../../resource-names';
import type { ConfigurationFiles } from '../configuration-files';
import { firewallManagerPlans, managedServiceDataOf, type FirewallManagerPlan, type PolicyReferences } from '../firewall-manager-plans';

/** `Policy.PolicyName`: 1 to 128 characters (Firewall Manager API). */
const POLICY_NAME_MAX_LENGTH = 128;

/** Firewall Manager's default quota of policies in one region (Global and us-east-1 together). */
const FIREWALL_MANAGER_POLICIES_PER_REGION = 20;

/** Names of what the policies make, each with its service's longest. */
const NAME_LENGTHS = [
  { what: 'AWS WAF rule group', maxLength: 128, name: wafRateBasedRuleGroupName },
  // A policy has at most two DNS Firewall rule groups: their numbers have one digit.
  { what: 'DNS Firewall rule group', maxLength: 64, name: (key: string) => dnsFirewallRuleGroupName(key, 1) },
  { what: 'security group', maxLength: 255, name: referenceSecurityGroupName },
];

/** Stand-ins for the references of a policy, as long as what AWS returns: account ids of 12 digits, rule group ids of 36 characters, the longest ids the API allows. */
function deployedLengthReferences(plan: FirewallManagerPlan, bucketNamePrefix: string): PolicyReferences {
  const accountId = '0'.repeat(12);
  return {
    rateBasedRuleGroupArn: wafRuleGroupArn(
      plan.region,
      accountId,
      plan.cloudFront ? 'global' : 'regional',
      wafRateBasedRuleGroupName(plan.key),
      '0'.repeat(36),
    ),
    logDestinationArn: s3BucketArn(wafLogBucketName(bucketNamePrefix, plan.region)),
    referenceSecurityGroupId: `sg-${'0'.repeat(17)}`,
    dnsFirewallRuleGroupIds: plan.policy.type === 'dnsFirewall' ? plan.policy.ruleGroups.map(() => '0'.repeat(64)) : [],
  };
}

function planIssues(plan: FirewallManagerPlan, file: string, bucketNamePrefix: string): Issue[] {
  const issues: Issue[] = [];
  const text = managedServiceDataText(managedServiceDataOf(plan, deployedLengthReferences(plan, bucketNamePrefix))) ?? '';
  if (text.length > MANAGED_SERVICE_DATA_MAX_LENGTH) {
    issues.push({
      file,
      path: plan.fieldPath,
      message: `makes managed service data of ${text.length} characters in ${plan.region}, over the ${MANAGED_SERVICE_DATA_MAX_LENGTH} Firewall Manager takes; split the policy`,
    });
  }
  if (plan.policyName.length > POLICY_NAME_MAX_LENGTH) {
    issues.push({
      file,
      path: plan.fieldPath,
      message: `makes the Firewall Manager policy name ${plan.policyName}, of ${plan.policyName.length} characters: expected at most ${POLICY_NAME_MAX_LENGTH}; shorten the policy's name`,
    });
  }
  return issues;
}

export function firewallManagerLimits({ landingZone }: Pick<ConfigurationFiles<'firewallManager' | 'governedRegions' | 'logArchive'>, 'landingZone'>): Issue[] {
  const { firewallManager, governedRegions, logArchive } = landingZone.config;
  const file = landingZone.file;
  const plans = firewallManagerPlans(firewallManager, governedRegions);
  const issues = plans.flatMap((plan) => planIssues(plan, file, logArchive.bucketNamePrefix));
  for (const key of Object.keys(firewallManager?.policies ?? {})) {
    for (const { what, maxLength, name } of NAME_LENGTHS) {
      if (name(key).length > maxLength) {
        issues.push({
          file,
          path: ['firewallManager', 'policies', key],
          message: `makes the ${what} name ${name(key)}, over the ${maxLength} characters it may have; shorten the policy's name`,
        });
      }
    }
  }
  for (const region of new Set(plans.map((plan) => plan.region))) {
    const inRegion = plans.filter((plan) => plan.region === region);
    inRegion.forEach((plan, index) => {
      const first = inRegion.find((other) => other.policyName === plan.policyName);
      if (first && inRegion.indexOf(first) !== index) {
        issues.push({
          file,
          path: plan.fieldPath,
          message: `makes the Firewall Manager policy ${plan.policyName} in ${region}, as ${first.key} does; rename one`,
        });
      }
    });
    if (inRegion.length > FIREWALL_MANAGER_POLICIES_PER_REGION) {
      issues.push({
        file,
        path: ['firewallManager', 'policies'],
        severity: 'warning',
        message: `make ${inRegion.length} Firewall Manager policies in ${region}, over the ${FIREWALL_MANAGER_POLICIES_PER_REGION} Firewall Manager allows by default in one region (Global counts as us-east-1): ask for more in Service Quotas before applying`,
      });
    }
  }
  return issues;
}
