/**
 * How serious each risk is, and the order a reviewer reads them in. A kind has a base
 * severity; a risk that reaches a production or core account, or ten accounts or more, is
 * one step worse, never beyond critical. Risks are sorted by severity, then by the number
 * of accounts they reach, then by title. The README's severity table is this one.
 */
import { createHash } from 'node:crypto';
import { type RiskKind, SEVERITIES, type Risk, type Severity } from './report';
import { compareText } from '../text-order';

/** The severity of each kind before its reach is weighed. */
export const BASE_SEVERITY: Readonly<Record<RiskKind, Severity>> = {
  'account-closing': 'critical',
  'account-removed': 'critical',
  'core-account-moved': 'critical',
  destroyed: 'high',
  replaced: 'high',
  'guardrail-weakened': 'high',
  'exemption-widened': 'high',
  'access-widened': 'high',
  'production-access': 'medium',
  'detection-weakened': 'high',
  'logging-weakened': 'high',
  'region-changed': 'medium',
  'security-service-removed': 'high',
  'paging-changed': 'medium',
  'external-principal': 'high',
  'guardrail-extended': 'low',
};

/** A risk reaching this many accounts or more is one step worse. */
export const WIDE_REACH = 10;

/** `critical` above `high` above `medium` above `low`. */
function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

export function severityOf(kind: RiskKind, accounts: readonly string[], sensitive: ReadonlySet<string>): Severity {
  const base = SEVERITIES.indexOf(BASE_SEVERITY[kind]);
  const weighed = accounts.some((name) => sensitive.has(name)) || accounts.length >= WIDE_REACH ? base - 1 : base;
  return SEVERITIES[Math.max(0, weighed)];
}

/** Accounts named one by one before the rest are counted. */
const NAMED_ACCOUNTS = 12;

/** `a, b, c`, or the first twelve `and 30 more`: how every form of the report names a risk's accounts. */
export function reachOf(accounts: readonly string[]): string {
  const shown = accounts.slice(0, NAMED_ACCOUNTS).join(', ');
  return accounts.length > NAMED_ACCOUNTS ? `${shown} and ${accounts.length - NAMED_ACCOUNTS} more` : shown;
}

/** The risk's id: its kind and a digest of its title, the same for the same change on any machine. */
export function riskId(kind: RiskKind, title: string): string {
  return `${kind}:${createHash('sha256').update(title).digest('hex').slice(0, 12)}`;
}

export function bySeverity(a: Risk, b: Risk): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.accounts.length - a.accounts.length || compareText(a.title, b.title);
}

/** What `--fail-on` takes: a severity, `any`, or `risky`, which means `any`. */
export const FAIL_ON = ['critical', 'high', 'medium', 'any', 'risky'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Whether the report fails at `threshold`: a risk not acknowledged at that severity or worse. */
export function failsAt(risks: readonly Risk[], threshold: FailOn): boolean {
  return risks.some((risk) => risk.acknowledged === undefined && (threshold === 'any' || threshold === 'risky' || atLeast(risk.severity, threshold)));
}
