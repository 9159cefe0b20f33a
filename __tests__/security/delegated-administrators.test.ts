/**
 * The security account registered as delegated administrator of each security service.
 */
import { readStack, resources } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

const example = exampleOutput();
const GOVERNED_REGIONS = ['eu-central-1', 'eu-west-1'];

describe('delegated administration', () => {
  const SECURITY = '${data.terraform_remote_state.account_security.outputs.account_id}';

  it('registers the security account for Inspector in every governed region, and leaves GuardDuty and Security Hub to the security stack', () => {
    const stack = readStack(example, 'organization-services');
    expect(
      resources(stack, 'aws_inspector2_delegated_admin_account')
        .map((resource) => [resource.region, resource.account_id])
        .sort(),
    ).toEqual(GOVERNED_REGIONS.map((region) => [region, SECURITY]));
    for (const type of [
      'aws_macie2_organization_admin_account',
      'aws_detective_organization_admin_account',
      'aws_guardduty_organization_admin_account',
      'aws_securityhub_organization_admin_account',
    ]) {
      expect({ type, resources: resources(stack, type) }).toEqual({ type, resources: [] });
    }
    const security = readStack(example, 'security');
    for (const type of ['aws_guardduty_organization_admin_account', 'aws_securityhub_organization_admin_account']) {
      expect({
        type,
        regions: resources(security, type)
          .map((resource) => resource.region)
          .sort(),
      }).toEqual({ type, regions: GOVERNED_REGIONS });
    }
  });

  it('registers it once for Config and Access Analyzer, and for Firewall Manager from us-east-1', () => {
    const stack = readStack(example, 'organization-services');
    expect(
      resources(stack, 'aws_organizations_delegated_administrator')
        .map((resource) => [resource.service_principal, resource.account_id])
        .sort(),
    ).toEqual([
      ['access-analyzer.amazonaws.com', SECURITY],
      ['config-multiaccountsetup.amazonaws.com', SECURITY],
      ['config.amazonaws.com', SECURITY],
    ]);
    const [firewallManager] = resources(stack, 'aws_fms_admin_account');
    expect(firewallManager).toMatchObject({ account_id: SECURITY, provider: 'aws.us_east_1' });
    expect(stack.provider.aws).toContainEqual({ alias: 'us_east_1', region: 'us-east-1', allowed_account_ids: ['111111111111'] });
  });

  it('trusts the optional services only when they are turned on', () => {
    const principals: string[] = resources(readStack(example, 'management'), 'aws_organizations_organization')[0].aws_service_access_principals;
    expect(principals).toContain('inspector2.amazonaws.com');
    expect(principals).not.toContain('macie.amazonaws.com');
    expect(principals).not.toContain('detective.amazonaws.com');
    expect(principals).toEqual([...principals].sort());
  });
});
