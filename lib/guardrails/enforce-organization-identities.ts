/**
 * The identity perimeter of the data perimeter, as a resource control policy: only
 * principals of the organization (and the accounts trusted by name) may use its buckets,
 * queues, keys, secrets and roles, whatever a resource policy says, and an AWS service
 * may act on them only for a resource of the organization (the confused deputy). A
 * bucket policy that by mistake says `"Principal": "*"` then opens nothing.
 *
 * AWS services acting with their own service principal are exempt from the first
 * statement (`aws:PrincipalIsAWSService`) and bound by the second to the organization of
 * the resource they act for (`aws:SourceOrgID`, present whenever `aws:SourceAccount` is).
 * Of STS, only the calls an outside principal would make with credentials of its own are
 * denied: federation (`AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`) has no principal
 * of any organization, and is for the trust policies of the roles to decide.
 */
import { DATA_PERIMETER_SERVICES, everyActionOf } from './data-perimeter-services';
import type { Guardrail } from './guardrail';
import type { ResourcePolicyDocument } from '../iam/policy-document';

/** The organization's id under `organizationKey`, and the trusted accounts, if any, under `accountKey`: a request matching either is inside. */
function outsideOf(
  organizationId: string,
  trusted: readonly string[],
  organizationKey: string,
  accountKey: string,
): Record<string, string | readonly string[]> {
  return trusted.length > 0 ? { [organizationKey]: organizationId, [accountKey]: [...trusted] } : { [organizationKey]: organizationId };
}

const STS_ACTIONS_OF_PRINCIPALS = [
  'sts:AssumeRole',
  'sts:DecodeAuthorizationMessage',
  'sts:GetAccessKeyInfo',
  'sts:GetFederationToken',
  'sts:GetServiceBearerToken',
  'sts:GetSessionToken',
  'sts:SetContext',
];

export const enforceOrganizationIdentities: Guardrail<ResourcePolicyDocument> = {
  id: 'enforce-organization-identities',
  type: 'RESOURCE_CONTROL_POLICY',
  description:
    "Denies principals outside the organization access to its S3, SQS, KMS, Secrets Manager and STS resources, and AWS services access on behalf of another organization's resources.",
  build: (context): ResourcePolicyDocument => {
    const trusted = context.dataPerimeterTrustedAccountIds;
    return {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'EnforceOrganizationIdentities',
          Effect: 'Deny',
          Principal: '*',
          Action: [...everyActionOf(DATA_PERIMETER_SERVICES.filter((service) => service !== 'sts')), ...STS_ACTIONS_OF_PRINCIPALS],
          Resource: '*',
          Condition: {
            StringNotEqualsIfExists: outsideOf(context.organizationId, trusted, 'aws:PrincipalOrgID', 'aws:PrincipalAccount'),
            BoolIfExists: { 'aws:PrincipalIsAWSService': 'false' },
          },
        },
        {
          Sid: 'EnforceConfusedDeputyProtection',
          Effect: 'Deny',
          Principal: '*',
          Action: everyActionOf(DATA_PERIMETER_SERVICES),
          Resource: '*',
          Condition: {
            StringNotEqualsIfExists: outsideOf(context.organizationId, trusted, 'aws:SourceOrgID', 'aws:SourceAccount'),
            Null: { 'aws:SourceAccount': 'false' },
            Bool: { 'aws:PrincipalIsAWSService': 'true' },
          },
        },
      ],
    };
  },
};
