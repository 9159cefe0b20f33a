/**
 * ARNs of the commercial partition (`aws`), the one every region of `aws-regions.ts` is
 * in. Each part may be a Terraform reference (an account id read from another stack) or,
 * in a policy's pattern, `*`.
 */

export function iamRoleArn(accountId: string, roleName: string): string {
  return `arn:aws:iam::${accountId}:role/${roleName}`;
}

/** A customer managed policy of the account. */
export function iamPolicyArn(accountId: string, policyName: string): string {
  return `arn:aws:iam::${accountId}:policy/${policyName}`;
}

export function samlProviderArn(accountId: string, providerName: string): string {
  return `arn:aws:iam::${accountId}:saml-provider/${providerName}`;
}

/** A policy AWS manages, by its path such as `service-role/AWS_ConfigRole`. */
export function awsManagedPolicyArn(path: string): string {
  return `arn:aws:iam::aws:policy/${path}`;
}

/** The account itself as a principal: the account's IAM policies then decide. */
export function accountRootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function s3BucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** A KMS alias, by its name `alias/<name>`. */
export function kmsAliasArn(region: string, accountId: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${accountId}:${aliasName}`;
}

export function backupVaultArn(region: string, accountId: string, vaultName: string): string {
  return `arn:aws:backup:${region}:${accountId}:backup-vault:${vaultName}`;
}

export function cloudTrailArn(region: string, accountId: string, trailName: string): string {
  return `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;
}

/** A CloudWatch Logs group as KMS names it in its encryption context (no `:*` after the name). */
export function logGroupArn(region: string, accountId: string, logGroupName: string): string {
  return `arn:aws:logs:${region}:${accountId}:log-group:${logGroupName}`;
}

export function eventBusArn(region: string, accountId: string, eventBusName: string): string {
  return `arn:aws:events:${region}:${accountId}:event-bus/${eventBusName}`;
}

/** A rule of a custom bus is named under `rule/<bus name>/`; a rule of the default bus, under `rule/`. */
export function eventRuleArn(region: string, accountId: string, ruleName: string, eventBusName?: string): string {
  return `arn:aws:events:${region}:${accountId}:rule/${eventBusName ? `${eventBusName}/` : ''}${ruleName}`;
}

export function snsTopicArn(region: string, accountId: string, topicName: string): string {
  return `arn:aws:sns:${region}:${accountId}:${topicName}`;
}

export function ssmDocumentArn(region: string, accountId: string, documentName: string): string {
  return `arn:aws:ssm:${region}:${accountId}:document/${documentName}`;
}

/** An Automation runbook as Automation and EventBridge name it (AWS's own with an empty account); `version` such as `$DEFAULT`, or `*` in a policy. */
export function automationDefinitionArn(region: string, accountId: string, documentName: string, version: string): string {
  return `arn:aws:ssm:${region}:${accountId}:automation-definition/${documentName}:${version}`;
}

/** A Security Hub standard, by its path such as `standards/cis-aws-foundations-benchmark/v/3.0.0`. */
export function securityHubStandardArn(region: string, standardPath: string): string {
  return `arn:aws:securityhub:${region}::${standardPath}`;
}

/** A rule group of AWS WAF (v2): `regional`, or `global` for CloudFront's, made in us-east-1. */
export function wafRuleGroupArn(region: string, accountId: string, scope: 'regional' | 'global', name: string, id: string): string {
  return `arn:aws:wafv2:${region}:${accountId}:${scope}/rulegroup/${name}/${id}`;
}
