/** The README's table of the ways around the guardrails, made from the route catalogue its test simulates. */
import { BYPASS_ROUTES, type BypassAttempt, type BypassVerdict } from '../guardrails/bypass-routes';
import type { GeneratedBlock } from './generated-block';

function attemptText(attempt: BypassAttempt): string {
  return `\`${attempt.action}\` as ${attempt.who}, in ${attempt.account}`;
}

function verdictText(verdict: BypassVerdict): string {
  if ('deniedBy' in verdict) return `denied by \`${verdict.deniedBy}\``;
  if ('deniedByPolicy' in verdict) return `denied by ${verdict.deniedByPolicy}`;
  if ('refusedByAws' in verdict) return `refused by AWS: ${verdict.refusedByAws}`;
  return `**open**: ${verdict.outOfScope}`;
}

export const BYPASS_ROUTE_TABLE: GeneratedBlock = {
  name: 'bypass route table',
  render: () =>
    [
      '| guardrail | way around | tried as | outcome |',
      '| --- | --- | --- | --- |',
      ...BYPASS_ROUTES.map((route) => {
        const tried = route.attempt ? attemptText(route.attempt) + (route.then ? `, then \`${route.then.action}\`` : '') : 'not simulated';
        return `| \`${route.guardrail}\` | ${route.way} | ${tried} | ${verdictText(route.verdict)} |`;
      }),
    ].join('\n'),
};
