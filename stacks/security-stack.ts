/**
 * The security (audit) account, which administers the organization's security services
 * as their delegated administrator: GuardDuty, Security Hub and IAM Access Analyzer for
 * every account in every governed region, and, in the home region only, what gathers
 * across regions: Security Hub's finding aggregator (Security Hub has one aggregation
 * region), the AWS Config aggregator, and the end of the alert path (the central event bus
 * that every account's forwarding rules name by ARN, its rules, and the alert topic).
 *
 * The registration as GuardDuty and Security Hub administrator is made here, with the
 * management account's credentials, once the detector and the hub are on: registering an
 * account without them turns them on, and the stack's own would then collide.
 *
 * The organization id comes from a data source (a member account may describe its
 * organization), so this stack needs no state of the management stack.
 */
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider, memberAccountProvider } from '../lib/terraform/aws-providers';
import type { AwsRegion } from '../lib/iam/aws-regions';
import type { AlertsConfig } from '../lib/config/schemas/alerts';
import type { SecurityServicesConfig } from '../lib/config/schemas/security-services';
import type { AlertRule } from '../lib/alerts/alert-catalogue';
import type { MemberAccount } from '../lib/model/landing-zone';
import { organizationAccessAnalyzers } from '../lib/security/access-analyzers';
import { InspectorOrganization } from '../lib/security/inspector';
import { CentralAlerts } from '../lib/alerts/central-alerts';
import { OrganizationConfigAggregator } from '../lib/security/config-aggregator';
import { GuardDutyOrganization } from '../lib/security/guardduty-organization';
import { SecurityHubOrganization } from '../lib/security/security-hub-organization';
import { LandingZoneStack } from '../lib/terraform/landing-zone-stack';
import type { StateBackend } from '../lib/terraform/state-backend';
import { accountIdIn, organizationalUnitIdIn, SECURITY_OUTPUTS } from './stack-outputs';

export interface SecurityStackProps {
  /** The member account that administers the security services; the stack runs inside it. */
  readonly securityAccount: MemberAccount;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** The pipeline's own account, which registers the security account as administrator of GuardDuty and Security Hub. */
  readonly managementAccountId: string;
  /** Holds the finding aggregator, the Config aggregator and the alert path. */
  readonly homeRegion: AwsRegion;
  /** GuardDuty, Security Hub and Access Analyzer run in each; the home region first. */
  readonly governedRegions: readonly AwsRegion[];
  /** GuardDuty protection plans and Security Hub standards. */
  readonly securityServices: SecurityServicesConfig;
  /** The recipients of the alert topic and the name of the central bus. */
  readonly alerts: AlertsConfig;
  /** Alert rules for the central bus: id (kebab-case, at most 40 characters), title, and the compact JSON event pattern. */
  readonly alertRules: readonly AlertRule[];
  /** Where this stack keeps its state and reads the others'. */
  readonly stateBackend: StateBackend;
}

export class SecurityStack extends LandingZoneStack {
  constructor(scope: Construct, name: string, props: SecurityStackProps) {
    super(scope, name, props.stateBackend);
    const { homeRegion, governedRegions } = props;
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    memberAccountProvider(this, { region: homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });
    const organization = new DataAwsOrganizationsOrganization(this, 'organization');
    const organizationId = organization.id;

    const registration = {
      managementProvider: managementAccountProvider(this, { region: homeRegion, managementAccountId: props.managementAccountId, alias: 'management' }),
      administratorAccountId: securityAccountId,
    };
    new GuardDutyOrganization(this, 'guardduty', { regions: governedRegions, guardDuty: props.securityServices.guardDuty, registration });
    new SecurityHubOrganization(this, 'securityhub', {
      homeRegion,
      regions: governedRegions,
      securityHub: props.securityServices.securityHub,
      registration,
      rootId: organization.roots.get(0).id,
      managementAccountId: props.managementAccountId,
      organizationalUnitId: (path) => organizationalUnitIdIn(this, props.stateBackend, path),
    });
    organizationAccessAnalyzers(this, governedRegions);
    if (props.securityServices.inspector) new InspectorOrganization(this, 'inspector', { regions: governedRegions, administratorAccountId: securityAccountId });
    new OrganizationConfigAggregator(this, 'config', { homeRegion, governedRegions, accountId: securityAccountId });

    const alerts = new CentralAlerts(this, 'alerts', {
      homeRegion,
      securityAccountId,
      organizationId,
      eventBusName: props.alerts.eventBusName,
      emails: props.alerts.emails,
      alerts: props.alertRules,
    });
    new TerraformOutput(this, SECURITY_OUTPUTS.centralEventBusArn, { value: alerts.bus.arn });
    new TerraformOutput(this, SECURITY_OUTPUTS.alertTopicArn, { value: alerts.topic.arn });
  }
}
