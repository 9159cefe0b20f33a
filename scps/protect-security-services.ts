/**
 * Protect the security services: nobody in a member account stops, deletes or blinds
 * CloudTrail, AWS Config, GuardDuty, Security Hub, IAM Access Analyzer or Firewall
 * Manager. An intruder's first move is to switch off what would see them; suppression
 * rules, trusted IP lists and archive rules blind a service as surely as deleting it.
 * The landing zone's own role, which manages these services, is exempt.
 */
import { type Guardrail, unlessExempt } from './guardrail';

const PROTECTED_ACTIONS = [
  'cloudtrail:DeleteTrail',
  'cloudtrail:StopLogging',
  'cloudtrail:UpdateTrail',
  'cloudtrail:PutEventSelectors',
  'cloudtrail:DeleteEventDataStore',
  'cloudtrail:StopEventDataStoreIngestion',
  'config:DeleteConfigurationRecorder',
  'config:StopConfigurationRecorder',
  'config:DeleteDeliveryChannel',
  'config:DeleteRetentionConfiguration',
  'config:DeleteConfigurationAggregator',
  'guardduty:DeleteDetector',
  'guardduty:UpdateDetector',
  'guardduty:DisassociateFromAdministratorAccount',
  'guardduty:DisassociateFromMasterAccount',
  'guardduty:DisassociateMembers',
  'guardduty:DeleteMembers',
  'guardduty:StopMonitoringMembers',
  'guardduty:CreateFilter',
  'guardduty:UpdateFilter',
  'guardduty:CreateIPSet',
  'guardduty:UpdateIPSet',
  'guardduty:DeletePublishingDestination',
  'securityhub:DisableSecurityHub',
  'securityhub:DisassociateFromAdministratorAccount',
  'securityhub:DisassociateFromMasterAccount',
  'securityhub:DisassociateMembers',
  'securityhub:DeleteMembers',
  'securityhub:BatchDisableStandards',
  'securityhub:UpdateStandardsControl',
  'securityhub:DisableImportFindingsForProduct',
  'securityhub:DeleteFindingAggregator',
  'access-analyzer:DeleteAnalyzer',
  'access-analyzer:CreateArchiveRule',
  'access-analyzer:UpdateArchiveRule',
  'fms:DeletePolicy',
  'fms:DisassociateAdminAccount',
  'fms:DeleteNotificationChannel',
];

export const protectSecurityServices: Guardrail = {
  id: 'protect-security-services',
  type: 'SERVICE_CONTROL_POLICY',
  description: 'Denies stopping, deleting or blinding CloudTrail, Config, GuardDuty, Security Hub, Access Analyzer and Firewall Manager, except to the exempt principals.',
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [{ Sid: 'ProtectSecurityServices', Effect: 'Deny', Action: PROTECTED_ACTIONS, Resource: '*', Condition: unlessExempt(context) }],
  }),
};
