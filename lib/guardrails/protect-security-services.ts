/**
 * Protect the security services: nobody in a member account stops, deletes or blinds
 * CloudTrail, AWS Config, GuardDuty, Security Hub, IAM Access Analyzer, Inspector or
 * Firewall Manager (whose policies nobody but the exempt principals makes, changes or
 * deletes, nor redirects its notifications), nor the landing zone's alert path (the rules
 * that forward security events from every account, the central bus and its rules, the
 * alert and chat topics, the rules of Security Hub's custom actions and of the automated
 * remediations), Firewall Manager's WAF log buckets, and the landing zone's KMS keys in
 * every account. An intruder's first move is to switch off what would see them; a recorder
 * that records nothing, a suppression rule, a trusted IP list, an archive rule, a disabled
 * forwarding rule or a disabled topic key blinds as surely as deleting the service. The
 * landing zone's own role, which manages all of these, is exempt. Who may put events on the
 * central bus is guarded by `protect-central-alert-bus`, in the security account alone.
 *
 * The keys are recognized by their `landing-zone-*` aliases (a key has no name of its own),
 * so the aliases are guarded too: deleting or moving a key's alias would leave the key
 * unprotected, and putting one on another key would make a key look like the landing zone's.
 */
import {
  ALERT_RULE_NAMES,
  FORWARDING_RULE_NAMES,
  keyAlias,
  REMEDIATION_RULE_NAMES,
  RESOURCE_NAME_PREFIX,
  SECURITY_HUB_ACTION_RULE_NAMES,
  wafAccessLogsBucketName,
  wafLogBucketName,
} from '../resource-names';
import { eventBusArn, eventRuleArn, kmsAliasArn, s3BucketArn, snsTopicArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';
import { LOG_BUCKET_ACTIONS } from './protect-log-archive';

const PROTECTED_ACTIONS = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:StopEventDataStoreIngestion',
  'config:DeleteConfigurationRecorder',
  'config:StopConfigurationRecorder',
  'config:PutConfigurationRecorder',
  'config:DisassociateResourceTypes',
  'config:DeleteDeliveryChannel',
  'config:PutDeliveryChannel',
  'config:DeleteRetentionConfiguration',
  'config:PutRetentionConfiguration',
  'config:DeleteConfigurationAggregator',
  'guardduty:DeleteDetector',
  'guardduty:UpdateDetector',
  'guardduty:UpdateMemberDetectors',
  'guardduty:UpdateOrganizationConfiguration',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:DisassociateMembers',
  'guardduty:DeleteMembers',
  'guardduty:StopMonitoringMembers',
  'guardduty:CreateFilter',
  'guardduty:UpdateFilter',
  'guardduty:CreateIPSet',
  'guardduty:UpdateIPSet',
  'guardduty:CreateTrustedEntitySet',
  'guardduty:UpdateTrustedEntitySet',
  'guardduty:DeleteThreatIntelSet',
  'guardduty:UpdateThreatIntelSet',
  'guardduty:DeletePublishingDestination',
  'guardduty:UpdatePublishingDestination',
  'securityhub:DisableSecurityHub',
  'securityhub:UpdateSecurityHubConfiguration',
  'securityhub:UpdateOrganizationConfiguration',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DisassociateMembers',
  'securityhub:DeleteMembers',
  'securityhub:BatchDisableStandards',
  'securityhub:UpdateStandardsControl',
  'securityhub:BatchUpdateStandardsControlAssociations',
  'securityhub:DisableImportFindingsForProduct',
  'securityhub:CreateAutomationRule',
  'securityhub:BatchUpdateAutomationRules',
  'securityhub:CreateAutomationRuleV2',
  'securityhub:UpdateAutomationRuleV2',
  'securityhub:DeleteFindingAggregator',
  'securityhub:UpdateFindingAggregator',
  'access-analyzer:DeleteAnalyzer',
  'access-analyzer:CreateArchiveRule',
  'access-analyzer:UpdateArchiveRule',
  'access-analyzer:ApplyArchiveRule',
  'inspector2:Disable',
  'inspector2:DisassociateMember',
  'inspector2:UpdateOrganizationConfiguration',
  'inspector2:CreateFilter',
  'inspector2:UpdateFilter',
  // Firewall Manager policies are made and changed from the security account, through the landing zone's role.
  'fms:PutPolicy',
  'fms:DeletePolicy',
  'fms:DisassociateAdminAccount',
  'fms:PutNotificationChannel',
  'fms:DeleteNotificationChannel',
];

/** On the forwarding, custom action and remediation rules, the central bus and its rules, and the alert and chat topics. */
const ALERT_PATH_ACTIONS = [
  'events:DeleteRule',
  'events:DisableRule',
  'events:PutRule',
  'events:PutTargets',
  'events:RemoveTargets',
  'events:DeleteEventBus',
  'events:UpdateEventBus',
  'sns:DeleteTopic',
  'sns:SetTopicAttributes',
  'sns:AddPermission',
  'sns:RemovePermission',
  'sns:PutDataProtectionPolicy',
  'sns:Unsubscribe',
];

/**
 * On the landing zone's keys: without the alert topic's key SNS delivers no alert, and a key
 * scheduled for deletion takes the WAF logs, backups or session data it encrypts with it.
 */
const KEY_ACTIONS = ['kms:DisableKey', 'kms:DisableKeyRotation', 'kms:ScheduleKeyDeletion', 'kms:PutKeyPolicy'];

/** On the landing zone's aliases, by which the key statement knows the keys. */
const KEY_ALIAS_ACTIONS = ['kms:CreateAlias', 'kms:DeleteAlias', 'kms:UpdateAlias'];

export const protectSecurityServices: Guardrail = {
  id: 'protect-security-services',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    "Denies stopping, deleting or blinding CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer, Inspector, Firewall Manager, its WAF log buckets, the alert path and the landing zone's keys and their aliases, except to the exempt principals.",
  build: (context) => {
    const bus = context.alertEventBusName;
    const landingZoneAliases = keyAlias('*');
    const wafBuckets = [wafLogBucketName, wafAccessLogsBucketName].map((name) => s3BucketArn(name(context.logArchiveBucketNamePrefix, '*')));
    return {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'ProtectSecurityServices', Effect: 'Deny', Action: PROTECTED_ACTIONS, Resource: '*', Condition: unlessExempt(context) },
        {
          Sid: 'ProtectAlertPath',
          Effect: 'Deny',
          Action: ALERT_PATH_ACTIONS,
          Resource: [
            eventRuleArn('*', '*', FORWARDING_RULE_NAMES),
            eventRuleArn('*', '*', SECURITY_HUB_ACTION_RULE_NAMES),
            eventRuleArn('*', '*', REMEDIATION_RULE_NAMES),
            eventRuleArn('*', '*', ALERT_RULE_NAMES, bus),
            eventBusArn('*', '*', bus),
            snsTopicArn('*', '*', `${RESOURCE_NAME_PREFIX}-*`),
          ],
          Condition: unlessExempt(context),
        },
        {
          Sid: 'ProtectWafLogBuckets',
          Effect: 'Deny',
          Action: LOG_BUCKET_ACTIONS,
          Resource: wafBuckets.flatMap((bucket) => [bucket, `${bucket}/*`]),
          Condition: unlessExempt(context),
        },
        {
          Sid: 'ProtectLandingZoneKeys',
          Effect: 'Deny',
          Action: KEY_ACTIONS,
          Resource: '*',
          Condition: { ...unlessExempt(context), 'ForAnyValue:StringLike': { 'kms:ResourceAliases': landingZoneAliases } },
        },
        {
          Sid: 'ProtectLandingZoneKeyAliases',
          Effect: 'Deny',
          Action: KEY_ALIAS_ACTIONS,
          Resource: kmsAliasArn('*', '*', landingZoneAliases),
          Condition: unlessExempt(context),
        },
      ],
    };
  },
};
