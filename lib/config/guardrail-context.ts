/** The settings of landing-zone.yaml that the built-in guardrails are built from. */
import { ORGANIZATION_ID_PLACEHOLDER, type GuardrailContext } from '../guardrails/guardrail';
import { iamRoleArn } from '../iam/arns';
import type { ConfigurationFiles } from './configuration-files';

/** The sections of landing-zone.yaml the guardrails are built from. */
export type GuardrailContextSections = 'organization' | 'accountAccessRole' | 'governedRegions' | 'guardrails' | 'requiredTags' | 'logArchive' | 'alerts';

export function guardrailContext({ landingZone }: Pick<ConfigurationFiles<GuardrailContextSections>, 'landingZone'>): GuardrailContext {
  const config = landingZone.config;
  const accessRoleArn = iamRoleArn('*', config.accountAccessRole);
  return {
    governedRegions: config.governedRegions,
    accessRoleArn,
    exemptPrincipalArns: [accessRoleArn, ...config.guardrails.exemptPrincipalArns.filter((arn) => arn !== accessRoleArn)],
    regionDenyExtraExemptActions: config.guardrails.regionDeny.extraExemptActions,
    requiredTags: config.requiredTags,
    requireTagsServices: config.guardrails.requireTagsOnCreate.services,
    logArchiveBucketNamePrefix: config.logArchive.bucketNamePrefix,
    alertEventBusName: config.alerts.eventBusName,
    organizationId: config.organization.existingOrganizationId ?? ORGANIZATION_ID_PLACEHOLDER,
    centralizedRootAccess: config.organization.centralizedRootAccess,
    dataPerimeterTrustedAccountIds: config.guardrails.dataPerimeter.trustedAccountIds,
    allowedImages: config.guardrails.allowedImages,
  };
}
