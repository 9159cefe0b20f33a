/**
 * A built-in guardrail: an id, one line saying what it enforces, and a pure builder from
 * the landing zone's typed settings to a policy document. No constructs, no I/O.
 */
import type { PolicyCondition, PolicyDocument } from '../iam/policy-document';
import type { OrganizationPolicyType } from './policy-types';
import type { RequireTagsService } from './require-tags-services';

/**
 * Stands for the organization's id in a policy until the management stack puts the
 * organization's own in its place: as long as the longest id AWS gives (`o-` and 32
 * characters), so that a policy that fits its size quota with it fits with any.
 */
export const ORGANIZATION_ID_PLACEHOLDER = `o-${'organizationidplaceholder'.padEnd(32, '0')}`;

export interface GuardrailContext {
  /** Requests to regional endpoints are allowed here only. */
  readonly governedRegions: readonly string[];
  /** The role the landing zone assumes into accounts: `arn:aws:iam::*:role/<name>`. */
  readonly accessRoleArn: string;
  /** Principals the protections exempt: the access role first, then the configured ones. */
  readonly exemptPrincipalArns: readonly string[];
  /** Actions exempted from the region deny besides the Control Tower list. */
  readonly regionDenyExtraExemptActions: readonly string[];
  /** Every required tag: key and, when given, allowed values. */
  readonly requiredTags: readonly { readonly key: string; readonly allowedValues?: readonly string[] }[];
  /** Services whose resource creation requires the tags. */
  readonly requireTagsServices: readonly RequireTagsService[];
  /** Log archive buckets are named `<prefix>-...`. */
  readonly logArchiveBucketNamePrefix: string;
  /** The central bus in the security account that every account forwards security events to. */
  readonly alertEventBusName: string;
  /** The organization's id: the adopted organization's, else `ORGANIZATION_ID_PLACEHOLDER`. */
  readonly organizationId: string;
  /** Root tasks in member accounts are done through root sessions (`sts:AssumeRoot`) from the management account. */
  readonly centralizedRootAccess: boolean;
  /** Accounts outside the organization that the data perimeter lets in (a partner, a vendor). */
  readonly dataPerimeterTrustedAccountIds: readonly string[];
  /** Whether EC2 refuses or only reports images of other providers, and the providers allowed (`amazon`, account ids ...). */
  readonly allowedImages: { readonly state: 'enabled' | 'audit_mode'; readonly providers: readonly string[] };
}

export interface Guardrail<Document = PolicyDocument> {
  /** Unique among guardrails of every type; the policy's name in AWS Organizations. */
  readonly id: string;
  readonly type: OrganizationPolicyType;
  /** What it enforces, in one line; the policy's description and the README's. */
  readonly description: string;
  /**
   * What the settings lack for this guardrail to mean anything, if they lack something,
   * and how to give it. Validation reports it wherever the guardrail is attached; `build`
   * refuses to run.
   * @default nothing is required
   */
  readonly unmetRequirement?: (context: GuardrailContext) => string | undefined;
  build(context: GuardrailContext): Document;
}

/** For the guardrails about required tags: without a required tag they would enforce nothing. */
export function noTagIsRequired(context: GuardrailContext): string | undefined {
  return context.requiredTags.length === 0 ? 'needs at least one tag in requiredTags, which is empty; add a required tag' : undefined;
}

/** A builder's refusal to build a guardrail that would enforce nothing: validation should have reported it. */
export function refuseUnmet(guardrail: Pick<Guardrail<unknown>, 'id' | 'unmetRequirement'>, context: GuardrailContext): void {
  const unmet = guardrail.unmetRequirement?.(context);
  if (unmet) throw new Error(`${guardrail.id} ${unmet}`);
}

/** `aws:PrincipalArn` is none of the exempt principals. */
export function unlessExempt(context: GuardrailContext): PolicyCondition {
  return { ArnNotLike: { 'aws:PrincipalArn': [...context.exemptPrincipalArns] } };
}
