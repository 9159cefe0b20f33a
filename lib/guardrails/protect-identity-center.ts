/**
 * Protect IAM Identity Center: who may sign in where is the landing zone's to change. In
 * the account that administers Identity Center (a delegated administrator), nobody but the
 * exempt principals creates, changes or deletes permission sets, their policies,
 * assignments, the attributes for access control or the groups the landing zone creates. In
 * every member account, nobody starts an Identity Center instance of the account's own,
 * which would hand out sign-ins the organization does not see, and nobody changes or deletes
 * the SAML provider Identity Center keeps in each account, without which nobody signs in
 * there, nor changes the customer managed policies the permission sets name (all
 * `landing-zone-*`): a new default version of one would loosen a permission set in that
 * account without touching Identity Center. The roles it provisions there (`aws-reserved/sso.amazonaws.com/`) AWS protects
 * itself: only Identity Center changes them.
 *
 * The management account is beyond every SCP: what is done there is seen by the
 * `identity-center-change` alert.
 */
import { RESOURCE_NAME_PREFIX } from '../resource-names';
import { iamPolicyArn, samlProviderArn } from '../iam/arns';
import { type Guardrail, unlessExempt } from './guardrail';

const IDENTITY_CENTER_ACTIONS = [
  'sso:CreatePermissionSet',
  'sso:UpdatePermissionSet',
  'sso:DeletePermissionSet',
  'sso:AttachManagedPolicyToPermissionSet',
  'sso:DetachManagedPolicyFromPermissionSet',
  'sso:AttachCustomerManagedPolicyReferenceToPermissionSet',
  'sso:DetachCustomerManagedPolicyReferenceFromPermissionSet',
  'sso:PutInlinePolicyToPermissionSet',
  'sso:DeleteInlinePolicyFromPermissionSet',
  'sso:PutPermissionsBoundaryToPermissionSet',
  'sso:DeletePermissionsBoundaryFromPermissionSet',
  'sso:ProvisionPermissionSet',
  'sso:CreateAccountAssignment',
  'sso:DeleteAccountAssignment',
  'sso:CreateInstanceAccessControlAttributeConfiguration',
  'sso:UpdateInstanceAccessControlAttributeConfiguration',
  'sso:DeleteInstanceAccessControlAttributeConfiguration',
  'sso:CreateInstance',
  'identitystore:CreateGroup',
  'identitystore:UpdateGroup',
  'identitystore:DeleteGroup',
];

/** On the customer managed policies of the permission sets, made by the landing zone in each account they are assigned in. */
const PERMISSION_SET_POLICY_ACTIONS = [
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicy',
  'iam:DeletePolicyVersion',
  'iam:SetDefaultPolicyVersion',
];

/** On the SAML provider (`AWSSSO_*_DO_NOT_DELETE`) Identity Center provisions in each account it assigns in. */
const PROVISIONED_PROVIDER_ACTIONS = ['iam:UpdateSAMLProvider', 'iam:DeleteSAMLProvider'];

export const protectIdentityCenter: Guardrail = {
  id: 'protect-identity-center',
  type: 'SERVICE_CONTROL_POLICY',
  description:
    "Denies changing Identity Center's permission sets, assignments and groups, starting an account instance, and changing its SAML provider or the permission sets' customer managed policies in an account, except to the exempt principals.",
  build: (context) => ({
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ProtectIdentityCenter', Effect: 'Deny', Action: IDENTITY_CENTER_ACTIONS, Resource: '*', Condition: unlessExempt(context) },
      {
        Sid: 'ProtectIdentityCenterProvider',
        Effect: 'Deny',
        Action: PROVISIONED_PROVIDER_ACTIONS,
        Resource: samlProviderArn('*', 'AWSSSO_*'),
        Condition: unlessExempt(context),
      },
      {
        Sid: 'ProtectPermissionSetPolicies',
        Effect: 'Deny',
        Action: PERMISSION_SET_POLICY_ACTIONS,
        Resource: iamPolicyArn('*', `${RESOURCE_NAME_PREFIX}-*`),
        Condition: unlessExempt(context),
      },
    ],
  }),
};
