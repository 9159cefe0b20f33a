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
import { AccessanalyzerAnalyzer } from '@cdktf/provider-aws/lib/accessanalyzer-analyzer';
import { DataAwsOrganizationsOrganization } from '@cdktf/provider-aws/lib/data-aws-organizations-organization';
import { TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider, memberAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import type { AlertsConfig, SecurityServicesConfig } from '../lib/config/security-services-schema';
import type { ForwardedAlert } from '../lib/constructs/alert-forwarding';
import type { Account } from '../lib/model/landing-zone';
import { CentralAlerts } from '../lib/security/central-alerts';
import { OrganizationConfigAggregator } from '../lib/security/config-aggregator';
import { GuardDutyOrganization } from '../lib/security/guardduty-organization';
import { SecurityHubOrganization } from '../lib/security/security-hub-organization';
import type { StateBackend } from '../lib/state-backend';
import { regionName } from '../lib/terraform-names';
import { accountIdIn } from './account-stack';

export interface SecurityStackProps {
  /** The member account that administers the security services; the stack runs inside it. */
  readonly securityAccount: Account;
  /** The role assumed in the security account. */
  readonly accountAccessRole: string;
  /** The pipeline's own account, which registers the security account as administrator of GuardDuty and Security Hub. */
  readonly managementAccountId: string;
  /** Holds the finding aggregator, the Config aggregator and the alert path. */
  readonly homeRegion: AwsRegion;
  /** GuardDuty, Security Hub and Access Analyzer run in each; the home region first. */
  readonly governedRegions: readonly AwsRegion[];
  readonly securityServices: SecurityServicesConfig;
  /** The recipients of the alert topic and the name of the central bus. */
  readonly alerts: AlertsConfig;
  /** Alert rules for the central bus: id (kebab-case, at most 40 characters), title, and the compact JSON event pattern. */
  readonly alertRules: readonly ForwardedAlert[];
  readonly stateBackend: StateBackend;
}

export class SecurityStack extends TerraformStack {
  constructor(scope: Construct, name: string, props: SecurityStackProps) {
    super(scope, name);
    const { homeRegion, governedRegions } = props;
    props.stateBackend.attach(this, name);
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    memberAccountProvider(this, { homeRegion, accountId: securityAccountId, roleName: props.accountAccessRole });
    const organizationId = new DataAwsOrganizationsOrganization(this, 'organization').id;

    const registration = {
      managementProvider: managementAccountProvider(this, { homeRegion, managementAccountId: props.managementAccountId, alias: 'management' }),
      administratorAccountId: securityAccountId,
    };
    new GuardDutyOrganization(this, 'guardduty', { regions: governedRegions, guardDuty: props.securityServices.guardDuty, registration });
    new SecurityHubOrganization(this, 'securityhub', { homeRegion, regions: governedRegions, securityHub: props.securityServices.securityHub, registration });
    this.accessAnalyzers(governedRegions);
    new OrganizationConfigAggregator(this, 'config', { homeRegion, governedRegions, accountId: securityAccountId });

    const alerts = new CentralAlerts(this, 'alerts', {
      homeRegion,
      securityAccountId,
      organizationId,
      eventBusName: props.alerts.eventBusName,
      emails: props.alerts.emails,
      alerts: props.alertRules,
    });
    new TerraformOutput(this, 'central_event_bus_arn', { value: alerts.bus.arn });
    new TerraformOutput(this, 'alert_topic_arn', { value: alerts.topic.arn });
  }

  /** Findings on resources shared outside the organization, in each region (the analyzer is regional). */
  private accessAnalyzers(regions: readonly AwsRegion[]): void {
    for (const region of regions) {
      new AccessanalyzerAnalyzer(this, `access_analyzer_${regionName(region)}`, { region, analyzerName: 'organization', type: 'ORGANIZATION' });
    }
  }
}
