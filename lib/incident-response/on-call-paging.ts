/**
 * Paging an on-call service (PagerDuty, Opsgenie or any HTTPS endpoint) from the central
 * bus, the way AWS customers page now that Incident Manager takes no new ones: an
 * EventBridge connection and API destination for each service, and one rule for each kind
 * of alert that pages, whose targets post the event to the services, at a bounded rate,
 * with EventBridge's retries and a dead-letter queue for what still did not arrive.
 *
 * The API key never passes through the configuration or Terraform: EventBridge keeps a
 * connection's credentials in a Secrets Manager secret of its own, and the key is put there
 * once with `aws events update-connection`. The connection is made with a placeholder and
 * Terraform ignores its credentials from then on, so the next apply does not put the
 * placeholder back.
 */
import { CloudwatchEventApiDestination } from '@cdktf/provider-aws/lib/cloudwatch-event-api-destination';
import { CloudwatchEventConnection } from '@cdktf/provider-aws/lib/cloudwatch-event-connection';
import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { SqsQueuePolicy } from '@cdktf/provider-aws/lib/sqs-queue-policy';
import { Construct } from 'constructs';
import type { AwsRegion } from '../iam/aws-regions';
import { eventRuleArn } from '../iam/arns';
import { policyText } from '../iam/policy-document';
import type { PagingDestination } from '../model/incident-response';
import { configuredName, PAGING_API_KEY_PLACEHOLDER, PAGING_DEAD_LETTER_QUEUE, PAGING_ROLE, pagingRuleName } from '../resource-names';
import { serviceRole } from '../terraform/service-role';
import type { PagingRule } from './incident-rules';

export interface OnCallPagingProps {
  /** Where the central bus is, and with it the connections, destinations and rules. */
  readonly homeRegion: AwsRegion;
  /** The account the stack runs in. */
  readonly securityAccountId: string;
  /** The central bus, which holds the rules. */
  readonly eventBusName: string;
  /** The on-call services. */
  readonly destinations: readonly PagingDestination[];
  /** One rule for each, paging its destinations. */
  readonly rules: readonly PagingRule[];
}

const resourceId = (name: string) => name.replace(/-/g, '_');

/** A day: EventBridge's longest retry window, so that an outage of the service loses no page. */
const RETRY_WINDOW_SECONDS = 86_400;

export class OnCallPaging extends Construct {
  constructor(scope: Construct, id: string, props: OnCallPagingProps) {
    super(scope, id);
    const region = props.homeRegion;
    const { securityAccountId, eventBusName } = props;

    const apiDestinations = new Map<string, CloudwatchEventApiDestination>();
    for (const destination of props.destinations) {
      const name = resourceId(destination.name);
      const connection = new CloudwatchEventConnection(this, `connection_${name}`, {
        region,
        name: configuredName(destination.name),
        description: `The API key of ${destination.name}, kept by EventBridge in Secrets Manager; set it with aws events update-connection.`,
        authorizationType: 'API_KEY',
        authParameters: { apiKey: { key: destination.apiKeyName, value: PAGING_API_KEY_PLACEHOLDER } },
        lifecycle: { ignoreChanges: ['auth_parameters'] },
      });
      apiDestinations.set(
        destination.name,
        new CloudwatchEventApiDestination(this, `destination_${name}`, {
          region,
          name: configuredName(destination.name),
          description: `Pages ${destination.name} for the alerts that call for someone now.`,
          connectionArn: connection.arn,
          invocationEndpoint: destination.endpoint,
          httpMethod: 'POST',
          invocationRateLimitPerSecond: destination.invocationsPerSecond,
        }),
      );
    }
    const apiDestinationArn = (name: string) => {
      const made = apiDestinations.get(name);
      if (!made) throw new Error(`no paging destination ${name} after validation`);
      return made.arn;
    };

    const role = serviceRole(this, 'role', { name: PAGING_ROLE, service: 'events.amazonaws.com', onlyFor: { 'aws:SourceAccount': securityAccountId } });
    new IamRolePolicy(this, 'role_policy', {
      role: role.name,
      name: 'invoke-api-destinations',
      policy: policyText({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'events:InvokeApiDestination', Resource: [...apiDestinations.values()].map((made) => made.arn) }],
      }),
    });

    const deadLetters = new SqsQueue(this, 'dead_letters', {
      region,
      name: PAGING_DEAD_LETTER_QUEUE,
      sqsManagedSseEnabled: true,
      messageRetentionSeconds: 1_209_600,
    });
    const ruleArns = props.rules.map((rule) => eventRuleArn(region, securityAccountId, pagingRuleName(rule.kind), eventBusName));
    new SqsQueuePolicy(this, 'dead_letters_policy', {
      region,
      queueUrl: deadLetters.url,
      policy: policyText({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'UndeliveredPages',
            Effect: 'Allow',
            Principal: { Service: 'events.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: deadLetters.arn,
            Condition: { ArnEquals: { 'aws:SourceArn': ruleArns } },
          },
        ],
      }),
    });

    for (const rule of props.rules) {
      const name = resourceId(rule.kind);
      const made = new CloudwatchEventRule(this, `rule_${name}`, {
        region,
        name: pagingRuleName(rule.kind),
        description: `Pages on call: ${rule.title}`,
        eventBusName,
        eventPattern: rule.eventPattern,
      });
      for (const destination of rule.destinations) {
        new CloudwatchEventTarget(this, `target_${name}_${resourceId(destination)}`, {
          region,
          rule: made.name,
          eventBusName,
          targetId: `page-${destination}`,
          arn: apiDestinationArn(destination),
          roleArn: role.arn,
          retryPolicy: { maximumEventAgeInSeconds: RETRY_WINDOW_SECONDS, maximumRetryAttempts: 185 },
          deadLetterConfig: { arn: deadLetters.arn },
        });
      }
    }
  }
}
