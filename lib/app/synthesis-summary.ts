/** The few lines printed after a synth: what was written, and for what. */
import { TerraformStack, type App } from 'cdktf';
import { ALERTS } from '../alerts/alert-catalogue';
import type { LandingZone } from '../model/landing-zone';
import { sizeQuotaOf } from '../config/policy-size';
import { configuredName } from '../resource-names';
import { policyKindOf } from '../guardrails/policy-types';
import {
  FIREWALL_MANAGER_STACK,
  IDENTITY_CENTER_MANAGEMENT_STACK,
  IDENTITY_CENTER_STACK,
  INCIDENT_RESPONSE_STACK,
  accountStackName,
  chatChannelStackName,
  LOG_ARCHIVE_STACK,
  MANAGEMENT_STACK,
  ORGANIZATION_SERVICES_STACK,
  DETECTIVE_CONTROLS_STACK,
  SECURITY_STACK,
} from '../../stacks/stack-outputs';

/** One line a policy: its size as synthesized against its quota, and the headroom left. */
function policyLines(landingZone: LandingZone): string[] {
  const width = Math.max(...landingZone.policies.map((policy) => policy.name.length));
  const labelWidth = Math.max(...landingZone.policies.map((policy) => policyKindOf(policy.type).label.length));
  return landingZone.policies.map((policy) => {
    const { limit } = sizeQuotaOf(policy.type, landingZone.quotas);
    const size = policy.content.length;
    return `    ${policyKindOf(policy.type).label.padEnd(labelWidth)} ${policy.name.padEnd(width)} ${String(size).padStart(6)} / ${limit} characters, ${limit - size} to spare`;
  });
}

/**
 * AWS Organizations' default quota of accounts in an organization; a new organization may
 * start lower, and vending past the quota fails at apply.
 */
const DEFAULT_ACCOUNT_QUOTA = 10;

/** What to check before the first apply, when the configuration asks for it. */
function beforeApplying(landingZone: LandingZone): string[] {
  const accounts = landingZone.accounts.length;
  const lines: string[] = [];
  if (accounts > DEFAULT_ACCOUNT_QUOTA) {
    lines.push(
      `  before applying: ${accounts} accounts, over the ${DEFAULT_ACCOUNT_QUOTA} a new organization may be limited to (some start lower): ` +
        'check "Default maximum number of accounts" in Service Quotas (AWS Organizations) and request more if needed',
    );
  }
  const chat = landingZone.incidentResponse?.chat;
  const security = landingZone.securityAccount;
  const clients = [
    ...(chat?.slack ?? []).map((channel) => ({ channel, client: `the Slack workspace ${channel.workspaceId}`, kind: 'Slack' })),
    ...(chat?.teams ?? []).map((channel) => ({ channel, client: `the Microsoft Teams team ${channel.teamId}`, kind: 'Microsoft Teams' })),
  ];
  for (const { channel, client, kind } of clients) {
    lines.push(
      `  before applying ${chatChannelStackName(channel)}: authorize ${client} once, in the ${security.name} account (after applying ${accountStackName(security)}), ` +
        `in the console of Amazon Q Developer in chat applications (https://console.aws.amazon.com/chatbot/home, Configure new client, ${kind}); no API does it, and until then only ${chatChannelStackName(channel)} fails`,
    );
  }
  for (const destination of landingZone.incidentResponse?.paging ?? []) {
    lines.push(
      `  after applying ${INCIDENT_RESPONSE_STACK}: put the API key of ${destination.name} in its connection, in the security account (${landingZone.homeRegion}): ` +
        `aws events update-connection --name ${configuredName(destination.name)} --authorization-type API_KEY ` +
        `--auth-parameters "ApiKeyAuthParameters={ApiKeyName=${destination.apiKeyName},ApiKeyValue=<the key>}"`,
    );
  }
  if (landingZone.incidentResponse?.incidentManager) {
    lines.push(
      "  before applying: Incident Manager takes no new customers since 7 November 2025 and works only where it was used before; import the security account's replication set if it has one, and have each contact channel activated once it is made",
    );
  }
  if (landingZone.identityCenter) {
    lines.push(
      `  before applying ${IDENTITY_CENTER_STACK}: enable IAM Identity Center for the organization in ${landingZone.identityCenter.region}, once, in the management account's console ` +
        `(https://console.aws.amazon.com/singlesignon/home?region=${landingZone.identityCenter.region}, Enable; no API enables it); ` +
        (landingZone.organization.existingOrganizationId !== undefined
          ? 'the organization exists, so do it before the first apply'
          : `after applying ${MANAGEMENT_STACK}, which creates the organization (enabled from a standalone account, Identity Center creates an organization of its own)`),
    );
    const lookedUp = landingZone.identityCenter.groups.filter((group) => !group.create).map((group) => group.name);
    if (lookedUp.length > 0) {
      lines.push(`  before applying ${IDENTITY_CENTER_STACK}: the identity provider has synchronised the groups ${lookedUp.join(', ')} through SCIM`);
    }
  }
  lines.push(...firewallManagerPrerequisites(landingZone));
  return lines;
}

/** The ids of the security account that the configuration gives, rather than the landing zone makes or looks up, where a policy uses them. */
function firewallManagerPrerequisites({ firewallManager, securityAccount }: LandingZone): string[] {
  if (!firewallManager) return [];
  const lines = new Map<string, string>();
  const before = `  before applying ${FIREWALL_MANAGER_STACK}:`;
  for (const { policy, region } of firewallManager.policies) {
    const vpcId = firewallManager.referenceSecurityGroupVpcs[region];
    if ((policy.type === 'securityGroupsContentAudit' || policy.type === 'securityGroupsCommon') && vpcId !== undefined) {
      const field = `firewallManager.referenceSecurityGroupVpcs.${region}`;
      lines.set(field, `${before} the VPC ${vpcId} (${field}) exists in the ${securityAccount.name} account in ${region}`);
    }
    for (const list of policy.type === 'dnsFirewall' ? policy.ruleGroups.flatMap((group) => group.domainLists) : []) {
      const id = firewallManager.dnsFirewallDomainLists[region]?.[list];
      const field = `firewallManager.dnsFirewallDomainLists.${region}.${list}`;
      if (id !== undefined) lines.set(field, `${before} ${id} (${field}) is the id of ${list} in ${region}`);
    }
  }
  return [...lines.values()];
}

function identityCenterLines(landingZone: LandingZone): string[] {
  const { identityCenter } = landingZone;
  if (!identityCenter) return [];
  const fromManagement = identityCenter.permissionSets.filter((set) => set.managedFromManagementAccount).length;
  const created = identityCenter.groups.filter((group) => group.create).length;
  const assignments = landingZone.accounts.reduce((total, account) => total + account.access.length, 0);
  const granted = landingZone.accounts.filter((account) => account.access.length > 0).length;
  return [
    `  ${IDENTITY_CENTER_STACK}: ${identityCenter.permissionSets.length - fromManagement} permission sets and ${identityCenter.groups.length} groups (${created} created), ` +
      `in ${identityCenter.delegatedAdministratorName ?? landingZone.managementAccount.name} (${identityCenter.region}); ` +
      `${assignments} assignments in ${granted} accounts, each in the account's own stacks`,
    ...(fromManagement > 0
      ? [`  ${IDENTITY_CENTER_MANAGEMENT_STACK}: ${fromManagement} permission sets granted on the management account, which alone may manage them`]
      : []),
  ];
}

function firewallManagerLines({ firewallManager, securityAccount }: LandingZone): string[] {
  if (!firewallManager) return [];
  const regions = new Set(firewallManager.policies.map((policy) => policy.region));
  return [`  ${FIREWALL_MANAGER_STACK}: ${firewallManager.policies.length} Firewall Manager policies in ${regions.size} regions, in ${securityAccount.name}`];
}

function incidentResponseLines(landingZone: LandingZone): string[] {
  const { incidentResponse } = landingZone;
  if (!incidentResponse) return [];
  const { chat, incidentManager, paging } = incidentResponse;
  const parts = [
    chat ? `every alert posted to ${chat.slack.length} Slack and ${chat.teams.length} Microsoft Teams channels` : undefined,
    paging.length > 0 ? `${paging.length} on-call services paged through EventBridge API destinations` : undefined,
    incidentManager
      ? `Incident Manager (replicated to ${incidentManager.replicationRegions.join(', ')}; ${incidentManager.contacts.length} contacts, ${incidentManager.escalationPlans.length} escalation plans, ${incidentManager.responsePlans.length} response plans; ${incidentManager.incidents.length} kinds of alert start an incident)`
      : undefined,
    incidentResponse.sendToChat && chat ? 'the custom action "Send to chat"' : undefined,
    incidentResponse.openIncidentWith !== undefined && incidentManager ? 'the custom action "Open incident"' : undefined,
  ].filter((part) => part !== undefined);
  const remediations = incidentResponse.remediations;
  return [
    ...(parts.length > 0 ? [`  ${INCIDENT_RESPONSE_STACK}: ${parts.join(', ')}, in ${landingZone.securityAccount.name}`] : []),
    ...(remediations.length > 0 ? [`  automated remediation in every baseline: ${remediations.join(', ')}`] : []),
  ];
}

function detectiveControlLines(landingZone: LandingZone): string[] {
  const { controls, conformancePacks } = landingZone.organizationDetectiveControls;
  const inBaselines = landingZone.accounts.filter(
    (account) => account.detectiveControls.controls.length + account.detectiveControls.conformancePacks.length > 0,
  );
  return [
    ...(controls.length + conformancePacks.length > 0
      ? [
          `  ${DETECTIVE_CONTROLS_STACK}: ${controls.length} organization Config rules and ${conformancePacks.length} conformance packs for every account, in ${landingZone.securityAccount.name}`,
        ]
      : []),
    ...(inBaselines.length > 0 ? [`  detective controls of OUs and accounts, or with remediation: in the baselines of ${inBaselines.length} accounts`] : []),
  ];
}

export function synthesisSummary(landingZone: LandingZone, app: App): string {
  const stacks = app.node.children.filter((child) => child instanceof TerraformStack).length;
  const policies = landingZone.policies.length > 0 ? ['  policies (size as synthesized / quota):', ...policyLines(landingZone)] : [];
  return [
    `${landingZone.organization.name}: ${stacks} stacks in ${app.outdir}/stacks`,
    `  management: the organization, ${landingZone.organizationalUnits.length} OUs and ${landingZone.policies.length} policies`,
    `  ${landingZone.memberAccounts.length} member accounts, each with account-<name> (run from the management account) and baseline-<name> (run inside it)`,
    `  baseline-${landingZone.managementAccount.key}: the management account's own baseline`,
    `  ${LOG_ARCHIVE_STACK}: the trail, Config, session and access-log buckets and the trail key, in ${landingZone.logArchiveAccount.name}`,
    `  ${ORGANIZATION_SERVICES_STACK}: the organization trail, delegated administrators and the cost anomaly monitor`,
    `  ${SECURITY_STACK}: GuardDuty, Security Hub, Access Analyzer, the Config aggregator and the central alert bus with ${ALERTS.length} alerts, in ${landingZone.securityAccount.name}`,
    ...incidentResponseLines(landingZone),
    ...detectiveControlLines(landingZone),
    ...identityCenterLines(landingZone),
    ...firewallManagerLines(landingZone),
    `  governed regions: ${landingZone.governedRegions.join(', ')}`,
    ...beforeApplying(landingZone),
    ...policies,
  ].join('\n');
}
