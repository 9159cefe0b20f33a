/**
 * What the error of a failed Terraform command means to the wave runner: worth another try
 * later (AWS throttling, or a new account whose role cannot be assumed yet), a saved plan
 * Terraform will not apply (plan afresh instead), a destroy that `prevent_destroy` refuses,
 * a state another run holds, or anything else.
 *
 * Terraform wraps its diagnostics at 78 columns when it writes to a pipe, so messages are
 * matched on the text with its line breaks and diagnostic borders taken out.
 */

export type FailureKind = 'throttled' | 'new-account' | 'saved-plan-refused' | 'prevent-destroy' | 'state-locked' | 'other';

export interface Failure {
  readonly kind: FailureKind;
  /** The first error Terraform printed, on one line and shortened. */
  readonly excerpt: string;
}

/**
 * Throttling and concurrent changes under load. The AWS provider already retries most of
 * them (its SDK retries throttling codes up to 25 times, Organizations'
 * ConcurrentModificationException only when it says "Try again later"): these are what
 * is left when it gives up.
 */
const THROTTLED = [/ThrottlingException/, /TooManyRequestsException/, /Rate exceeded/i, /RequestLimitExceeded/, /ConcurrentModificationException/];

/**
 * A new account's role or credentials that are not usable yet. The provider assumes its
 * role once, when it is configured, and retries none of these.
 */
const NEW_ACCOUNT = [
  /Cannot assume IAM Role/,
  /is not authorized to perform: sts:AssumeRole/,
  /InvalidClientTokenId/,
  /The security token included in the request is invalid/,
];

const SAVED_PLAN_REFUSED = [/Saved plan is stale/, /plan files cannot be transferred between different Terraform versions/];

/** The first that matches: refusals Terraform states itself before the AWS errors they may quote. */
const KINDS: readonly (readonly [FailureKind, readonly RegExp[]])[] = [
  ['saved-plan-refused', SAVED_PLAN_REFUSED],
  ['prevent-destroy', [/Instance cannot be destroyed/]],
  ['state-locked', [/Error acquiring the state lock/]],
  ['new-account', NEW_ACCOUNT],
  ['throttled', THROTTLED],
];

const EXCERPT_LENGTH = 300;

/** Terraform's output as one line: borders and line breaks out, runs of spaces as one. */
function flattened(text: string): string {
  return text.replace(/[│╷╵]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function failureOf(stderr: string): Failure {
  const text = flattened(stderr);
  const start = text.indexOf('Error:');
  const first = start === -1 ? text : text.slice(start);
  const excerpt = first.length > EXCERPT_LENGTH ? `${first.slice(0, EXCERPT_LENGTH)}…` : first;
  const kind = KINDS.find(([, patterns]) => patterns.some((pattern) => pattern.test(text)))?.[0] ?? 'other';
  return { kind, excerpt };
}
