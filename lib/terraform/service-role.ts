/**
 * An IAM role that one AWS service assumes on behalf of one source only (this account,
 * or one resource), so that the service cannot be made to use it for anyone else (the
 * confused deputy), wherever the service supports such a condition.
 */
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { Construct } from 'constructs';
import { policyText } from '../iam/policy-document';

export interface ServiceRoleProps {
  /** The role name. */
  readonly name: string;
  /** `config.amazonaws.com`, `events.amazonaws.com`, ... */
  readonly service: string;
  /**
   * The one source the service may act for; `unsupported` only where the service refuses
   * the condition and fails to assume a role that has one (say which in a comment there).
   */
  readonly onlyFor: { readonly 'aws:SourceAccount': string } | { readonly 'aws:SourceArn': string } | 'unsupported';
}

export function serviceRole(scope: Construct, id: string, props: ServiceRoleProps): IamRole {
  return new IamRole(scope, id, {
    name: props.name,
    assumeRolePolicy: policyText({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: props.service },
          Action: 'sts:AssumeRole',
          ...(props.onlyFor === 'unsupported' ? {} : { Condition: { StringEquals: { ...props.onlyFor } } }),
        },
      ],
    }),
  });
}
