/**
 * The services whose resources the data perimeter RCPs guard: the five that resource
 * control policies first applied to, and that AWS's data perimeter examples
 * (aws-samples/data-perimeter-policy-examples, `resource_control_policies/`) cover.
 */
export const DATA_PERIMETER_SERVICES = ['s3', 'sqs', 'kms', 'secretsmanager', 'sts'] as const;

/** Every action of each service: an RCP names whole services, since it guards the resource whatever is asked of it. */
export function everyActionOf(services: readonly string[]): string[] {
  return services.map((service) => `${service}:*`);
}
