/**
 * The AWS managed rule groups of AWS WAF that Firewall Manager policies here may use, with
 * the rules each holds (whose action a policy may override to count) and its capacity in
 * web ACL capacity units. Taken from the AWS WAF Developer Guide's pages on AWS Managed
 * Rules (`aws-managed-rule-groups-baseline`, `-use-case`, `-ip-rep`, `-bot`), which
 * describe each group's latest static version: a rule AWS adds later needs its entry here
 * before a policy can override it.
 */

export interface WafManagedRuleGroup {
  /** The group's name, as `managedRuleGroupName` gives it (vendor AWS). */
  readonly name: string;
  /** Web ACL capacity units the group uses. */
  readonly capacity: number;
  /** Every rule of the group. */
  readonly rules: readonly string[];
  /**
   * Why choosing the group deserves a second look, when it does.
   * @default nothing to say
   */
  readonly caution?: string;
}

export const WAF_MANAGED_RULE_GROUPS: readonly WafManagedRuleGroup[] = [
  {
    name: 'AWSManagedRulesCommonRuleSet',
    capacity: 700,
    rules: [
      'NoUserAgent_HEADER',
      'UserAgent_BadBots_HEADER',
      'SizeRestrictions_QUERYSTRING',
      'SizeRestrictions_Cookie_HEADER',
      'SizeRestrictions_BODY',
      'SizeRestrictions_URIPATH',
      'EC2MetaDataSSRF_BODY',
      'EC2MetaDataSSRF_COOKIE',
      'EC2MetaDataSSRF_URIPATH',
      'EC2MetaDataSSRF_QUERYARGUMENTS',
      'GenericLFI_QUERYARGUMENTS',
      'GenericLFI_URIPATH',
      'GenericLFI_BODY',
      'RestrictedExtensions_URIPATH',
      'RestrictedExtensions_QUERYARGUMENTS',
      'GenericRFI_QUERYARGUMENTS',
      'GenericRFI_BODY',
      'GenericRFI_URIPATH',
      'CrossSiteScripting_COOKIE',
      'CrossSiteScripting_QUERYARGUMENTS',
      'CrossSiteScripting_BODY',
      'CrossSiteScripting_URIPATH',
    ],
  },
  {
    name: 'AWSManagedRulesKnownBadInputsRuleSet',
    capacity: 200,
    rules: [
      'JavaDeserializationRCE_HEADER',
      'JavaDeserializationRCE_BODY',
      'JavaDeserializationRCE_URIPATH',
      'JavaDeserializationRCE_QUERYSTRING',
      'Host_localhost_HEADER',
      'PROPFIND_METHOD',
      'ExploitablePaths_URIPATH',
      'Log4JRCE_HEADER',
      'Log4JRCE_QUERYSTRING',
      'Log4JRCE_BODY',
      'Log4JRCE_URIPATH',
    ],
  },
  {
    name: 'AWSManagedRulesSQLiRuleSet',
    capacity: 200,
    rules: ['SQLi_QUERYARGUMENTS', 'SQLiExtendedPatterns_QUERYARGUMENTS', 'SQLi_BODY', 'SQLiExtendedPatterns_BODY', 'SQLi_COOKIE'],
  },
  {
    name: 'AWSManagedRulesAmazonIpReputationList',
    capacity: 25,
    rules: ['AWSManagedIPReputationList', 'AWSManagedReconnaissanceList', 'AWSManagedIPDDoSList'],
  },
  {
    name: 'AWSManagedRulesAnonymousIpList',
    capacity: 50,
    rules: ['AnonymousIPList', 'HostingProviderIPList'],
  },
  {
    // The targeted protection level (its TGT_ rules) is not supported in Firewall Manager policies.
    name: 'AWSManagedRulesBotControlRuleSet',
    capacity: 50,
    rules: [
      'CategoryAdvertising',
      'CategoryArchiver',
      'CategoryContentFetcher',
      'CategoryEmailClient',
      'CategoryHttpLibrary',
      'CategoryLinkChecker',
      'CategoryMiscellaneous',
      'CategoryMonitoring',
      'CategoryScrapingFramework',
      'CategorySearchEngine',
      'CategorySecurity',
      'CategorySeo',
      'CategorySocialMedia',
      'SignalAutomatedBrowser',
      'SignalKnownBotDataCenter',
      'SignalNonBrowserUserAgent',
    ],
    caution: "costs fees of its own on top of AWS WAF's (see AWS WAF pricing), in every web ACL the policy makes, in every account and region it reaches",
  },
];

export const WAF_MANAGED_RULE_GROUP_NAMES: readonly string[] = WAF_MANAGED_RULE_GROUPS.map((group) => group.name);

/** The group of that name, if the catalogue has it. */
export function wafManagedRuleGroup(name: string): WafManagedRuleGroup | undefined {
  return WAF_MANAGED_RULE_GROUPS.find((group) => group.name === name);
}
