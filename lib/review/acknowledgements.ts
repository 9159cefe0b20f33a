/**
 * Risks a team has looked at and accepted until a date, in the manner of cdk-nag's
 * suppressions: an acknowledged risk is still shown, marked with who accepted it, why and
 * until when, and does not fail `--fail-on` until the day after it expires. An
 * acknowledgement that matches no risk, or has expired, is a warning, so that none outlives
 * what it was written for.
 */
import type { ReviewReport } from './report';
import { reportOf } from './review';

export interface Acknowledgement {
  readonly id: string;
  readonly reason: string;
  readonly by: string;
  /** `YYYY-MM-DD`, the last day it holds. */
  readonly expires: string;
}

/** The report with its risks acknowledged as of `today` (`YYYY-MM-DD`, UTC), and a warning for each acknowledgement that matched nothing or expired. */
export function withAcknowledgements(report: ReviewReport, acknowledgements: readonly Acknowledgement[], today: string): ReviewReport {
  if (acknowledgements.length === 0) return report;
  const byId = new Map(acknowledgements.map((acknowledgement) => [acknowledgement.id, acknowledgement]));
  const warnings = [...report.warnings];
  const risks = report.risks.map((risk) => {
    const acknowledgement = byId.get(risk.id);
    if (!acknowledgement) return risk;
    if (acknowledgement.expires < today) {
      warnings.push(`the acknowledgement of ${risk.id} by ${acknowledgement.by} expired on ${acknowledgement.expires}: the risk counts again`);
      return risk;
    }
    return { ...risk, acknowledged: { reason: acknowledgement.reason, by: acknowledgement.by, expires: acknowledgement.expires } };
  });
  const found = new Set(report.risks.map((risk) => risk.id));
  for (const acknowledgement of acknowledgements)
    if (!found.has(acknowledgement.id))
      warnings.push(`review.acknowledged names ${acknowledgement.id}, which this change does not raise: remove it once it is no longer needed`);
  return reportOf(report.stacks, risks, report.intents, report.suppressed, warnings, report.requests);
}
