/**
 * Organization-wide services run from the management account: the organization trail,
 * the security account's registration as delegated administrator of the security
 * services but GuardDuty and Security Hub (see the security stack), and the
 * organization's cost anomaly monitor.
 *
 * They are not in the management stack because the trail needs the log archive's key,
 * the log archive needs its account, and the account stacks need the management stack's
 * OUs: with the trail there, the stacks would depend on each other in a circle.
 */
import { CeAnomalyMonitor } from '@cdktf/provider-aws/lib/ce-anomaly-monitor';
import { CeAnomalySubscription } from '@cdktf/provider-aws/lib/ce-anomaly-subscription';
import { Cloudtrail, type CloudtrailAdvancedEventSelector } from '@cdktf/provider-aws/lib/cloudtrail';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { DetectiveOrganizationAdminAccount } from '@cdktf/provider-aws/lib/detective-organization-admin-account';
import { FmsAdminAccount } from '@cdktf/provider-aws/lib/fms-admin-account';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Inspector2DelegatedAdminAccount } from '@cdktf/provider-aws/lib/inspector2-delegated-admin-account';
import { Macie2OrganizationAdminAccount } from '@cdktf/provider-aws/lib/macie2-organization-admin-account';
import { OrganizationsDelegatedAdministrator } from '@cdktf/provider-aws/lib/organizations-delegated-administrator';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { managementAccountProvider } from '../lib/aws-providers';
import type { AwsRegion } from '../lib/config/aws-regions';
import type { OrganizationTrailConfig } from '../lib/config/logging-schema';
import type { SecurityServicesConfig } from '../lib/config/security-services-schema';
import { organizationTrailArn } from '../lib/log-archive/log-archive-policies';
import type { Account, LandingZone } from '../lib/model/landing-zone';
import { terraformPolicy } from '../lib/policies/terraform-policy';
import type { StateBackend } from '../lib/state-backend';
import { regionName } from '../lib/terraform-names';
import { accountIdIn } from './account-stack';
import { cloudTrailKeyArnFrom } from './log-archive-stack';
import { serviceRole } from '../lib/constructs/service-role';

/** Firewall Manager's administrator can only be set through us-east-1. */
const FIREWALL_MANAGER_REGION = 'us-east-1';

export interface OrganizationServicesStackProps {
  readonly managementAccountId: string;
  readonly securityAccount: Account;
  readonly homeRegion: AwsRegion;
  readonly governedRegions: readonly AwsRegion[];
  readonly organizationTrail: OrganizationTrailConfig;
  readonly trailBucket: string;
  /** The log archive stack, whose state holds the trail's key. */
  readonly logArchiveStackName: string;
  readonly securityServices: SecurityServicesConfig;
  readonly costAnomalyDetection: LandingZone['costAnomalyDetection'];
  readonly stateBackend: StateBackend;
}

function trailEventSelectors(dataEvents: OrganizationTrailConfig['dataEvents']): CloudtrailAdvancedEventSelector[] {
  const dataEventsOf = (name: string, resourceType: string): CloudtrailAdvancedEventSelector => ({
    name,
    fieldSelector: [
      { field: 'eventCategory', equalTo: ['Data'] },
      { field: 'resources.type', equalTo: [resourceType] },
    ],
  });
  return [
    { name: 'Management events', fieldSelector: [{ field: 'eventCategory', equalTo: ['Management'] }] },
    ...(dataEvents.s3 ? [dataEventsOf('S3 object events', 'AWS::S3::Object')] : []),
    ...(dataEvents.lambda ? [dataEventsOf('Lambda invocations', 'AWS::Lambda::Function')] : []),
  ];
}

export class OrganizationServicesStack extends TerraformStack {
  constructor(scope: Construct, name: string, props: OrganizationServicesStackProps) {
    super(scope, name);
    props.stateBackend.attach(this, name);
    managementAccountProvider(this, props);
    const securityAccountId = accountIdIn(this, props.securityAccount, props.stateBackend);
    const logArchive = props.stateBackend.remoteState(this, 'log_archive', props.logArchiveStackName);

    this.organizationTrail(props, cloudTrailKeyArnFrom(logArchive));
    this.delegateSecurityServices(props, securityAccountId);
    this.costAnomalyMonitor(props.costAnomalyDetection);
  }

  private organizationTrail(props: OrganizationServicesStackProps, kmsKeyArn: string): void {
    const trail = props.organizationTrail;
    const cloudWatchLogs = trail.cloudWatchLogs && this.trailLogGroup(props, trail.cloudWatchLogs.retentionDays);
    new Cloudtrail(this, 'organization_trail', {
      name: trail.name,
      s3BucketName: props.trailBucket,
      kmsKeyId: kmsKeyArn,
      isOrganizationTrail: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      advancedEventSelector: trailEventSelectors(trail.dataEvents),
      cloudWatchLogsGroupArn: cloudWatchLogs && `${cloudWatchLogs.logGroupArn}:*`,
      cloudWatchLogsRoleArn: cloudWatchLogs?.roleArn,
      lifecycle: { preventDestroy: true },
    });
  }

  /** A log group the trail also delivers to, and the role CloudTrail delivers with (for this trail only). */
  private trailLogGroup(props: OrganizationServicesStackProps, retentionDays: number): { logGroupArn: string; roleArn: string } {
    const trailName = props.organizationTrail.name;
    const trailArn = organizationTrailArn(props.homeRegion, props.managementAccountId, trailName);
    const logGroup = new CloudwatchLogGroup(this, 'trail_log_group', {
      name: `aws-cloudtrail-logs/${trailName}`,
      retentionInDays: retentionDays,
      lifecycle: { preventDestroy: true },
    });
    const role = serviceRole(this, 'trail_log_delivery_role', { name: `${trailName}-cloudwatch-logs`, service: 'cloudtrail.amazonaws.com', onlyFor: { 'aws:SourceArn': trailArn } });
    new IamRolePolicy(this, 'trail_log_delivery_policy', {
      role: role.name,
      name: 'deliver-trail-events',
      policy: terraformPolicy({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${logGroup.arn}:log-stream:*` }],
      }),
    });
    return { logGroupArn: logGroup.arn, roleArn: role.arn };
  }

  /**
   * The security account administers each service for the organization. Inspector, Macie
   * and Detective are delegated region by region; Config and Access Analyzer once for the
   * organization; Firewall Manager from us-east-1. GuardDuty and Security Hub are
   * delegated by the security stack, once they are on in the security account.
   */
  private delegateSecurityServices(props: OrganizationServicesStackProps, securityAccountId: string): void {
    const services = props.securityServices;
    for (const region of props.governedRegions) {
      const suffix = regionName(region);
      if (services.inspector) new Inspector2DelegatedAdminAccount(this, `inspector_admin_${suffix}`, { region, accountId: securityAccountId });
      if (services.macie) new Macie2OrganizationAdminAccount(this, `macie_admin_${suffix}`, { region, adminAccountId: securityAccountId });
      if (services.detective) new DetectiveOrganizationAdminAccount(this, `detective_admin_${suffix}`, { region, accountId: securityAccountId });
    }
    for (const servicePrincipal of ['access-analyzer.amazonaws.com', 'config.amazonaws.com', 'config-multiaccountsetup.amazonaws.com']) {
      new OrganizationsDelegatedAdministrator(this, `delegated_admin_${servicePrincipal.split('.')[0].replace(/-/g, '_')}`, {
        accountId: securityAccountId,
        servicePrincipal,
      });
    }
    const usEast1 = new AwsProvider(this, 'aws_us_east_1', {
      alias: 'us_east_1',
      region: FIREWALL_MANAGER_REGION,
      allowedAccountIds: [props.managementAccountId],
    });
    new FmsAdminAccount(this, 'firewall_manager_admin', { provider: usEast1, accountId: securityAccountId });
  }

  /** Cost Anomaly Detection across every service of every account, in the management (payer) account. */
  private costAnomalyMonitor(settings: LandingZone['costAnomalyDetection']): void {
    const monitor = new CeAnomalyMonitor(this, 'cost_anomaly_monitor', {
      name: 'organization-services',
      monitorType: 'DIMENSIONAL',
      monitorDimension: 'SERVICE',
    });
    new CeAnomalySubscription(this, 'cost_anomaly_alerts', {
      name: 'organization-cost-anomalies',
      frequency: 'DAILY',
      monitorArnList: [monitor.arn],
      subscriber: settings.emails.map((address) => ({ type: 'EMAIL', address })),
      thresholdExpression: {
        dimension: { key: 'ANOMALY_TOTAL_IMPACT_ABSOLUTE', matchOptions: ['GREATER_THAN_OR_EQUAL'], values: [String(settings.thresholdUsd)] },
      },
    });
  }
}
