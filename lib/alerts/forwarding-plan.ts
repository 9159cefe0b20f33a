/**
 * Which events each account forwards to the central bus, from where. The rules of one
 * region are the same for every account but the delegated administrator of GuardDuty and
 * Security Hub, which receives every account's findings and forwards its own only: they
 * are built once per region and shared. The management account forwards the alerts on its
 * root user from every region enabled by default as well: SCPs do not restrict it, so its
 * root user may act in a region that is not governed.
 */
import { DEFAULT_ENABLED_REGIONS, type AwsRegion } from '../iam/aws-regions';
import type { Account, LandingZone, MemberAccount } from '../model/landing-zone';
import type { Alert } from './alert-catalogue';
import { forwardingRulesOf } from './alert-rules';
import type { ForwardingRule } from './forwarding-rules';

/** Global services (IAM, CloudFront and its WAF, console sign-in) emit their events in us-east-1. */
const GLOBAL_SERVICES_REGION: AwsRegion = 'us-east-1';

/** The forwarding of one account. */
export interface AlertForwardingSettings {
  /** The governed regions and us-east-1, each once; for the management account, every region enabled by default too. */
  readonly regions: readonly AwsRegion[];
  /** The forwarding rules of one region, for this account (its id may be a reference). */
  readonly rulesIn: (region: AwsRegion, accountId: string) => readonly ForwardingRule[];
  /** Holds the central bus, in the home region. */
  readonly securityAccount: MemberAccount;
  readonly eventBusName: string;
}

export function alertForwardingPlan(landingZone: LandingZone): (account: Account) => AlertForwardingSettings {
  const regions = [...new Set([...landingZone.governedRegions, GLOBAL_SERVICES_REGION])];
  const shared = new Map(regions.map((region) => [region, forwardingRulesOf(landingZone, { region })]));
  const everyRegion = (alert: Alert) => alert.everyRegionOfManagementAccount === true;
  const ungoverned = DEFAULT_ENABLED_REGIONS.filter((region) => !regions.includes(region));
  const { securityAccount, managementAccount } = landingZone;
  const sharedRulesIn = (region: AwsRegion) => shared.get(region) ?? forwardingRulesOf(landingZone, { region });
  return (account) => {
    if (account === managementAccount) {
      return {
        regions: [...regions, ...ungoverned],
        rulesIn: (region) => (regions.includes(region) ? sharedRulesIn(region) : forwardingRulesOf(landingZone, { region }, everyRegion)),
        securityAccount,
        eventBusName: landingZone.alerts.eventBusName,
      };
    }
    return {
      regions,
      rulesIn:
        account === securityAccount ? (region, accountId) => forwardingRulesOf(landingZone, { region, administratorAccountId: accountId }) : sharedRulesIn,
      securityAccount,
      eventBusName: landingZone.alerts.eventBusName,
    };
  };
}
