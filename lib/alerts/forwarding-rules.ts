/**
 * The rules every account forwards security events with: the alerts' patterns joined by
 * `$or` into as few rules as EventBridge's pattern size quota allows. A rule and a target
 * per alert would repeat the same forwarding nine times per region in every account: tens
 * of thousands of resources in a large organization, each slowing every synth and plan.
 * The central bus still has one rule per alert, which names it in the e-mail.
 */
import { EVENT_PATTERN_DEFAULT_MAX_LENGTH, type AlertRule } from './alert-catalogue';

export interface ForwardingRule {
  /** `1`, `2`, ...: the rule's place among the forwarding rules. */
  readonly number: number;
  readonly alertIds: readonly string[];
  readonly eventPattern: string;
}

function joined(alerts: readonly AlertRule[]): string {
  if (alerts.length === 1) return alerts[0].eventPattern;
  return JSON.stringify({ $or: alerts.map((alert) => JSON.parse(alert.eventPattern)) });
}

/** How long a pattern is once deployed; `length` of the text when it holds no reference. */
export type PatternLength = (eventPattern: string) => number;

/**
 * In catalogue order, each rule taking alerts while its pattern fits `maxLength`, as
 * `lengthOf` measures it (a pattern that names an account by a reference to another
 * stack's state is as long as the id that the reference becomes).
 */
export function forwardingRulesFor(
  alerts: readonly AlertRule[],
  maxLength = EVENT_PATTERN_DEFAULT_MAX_LENGTH,
  lengthOf: PatternLength = (eventPattern) => eventPattern.length,
): readonly ForwardingRule[] {
  const groups: AlertRule[][] = [];
  for (const alert of alerts) {
    const length = lengthOf(alert.eventPattern);
    if (length > maxLength) {
      throw new Error(`the event pattern of the alert ${alert.id} has ${length} characters; EventBridge takes ${maxLength}`);
    }
    const current = groups.at(-1);
    if (current && lengthOf(joined([...current, alert])) <= maxLength) current.push(alert);
    else groups.push([alert]);
  }
  return groups.map((group, index) => ({ number: index + 1, alertIds: group.map((alert) => alert.id), eventPattern: joined(group) }));
}
