/**
 * The policies `npm run explain` evaluates are those the landing zone synthesizes: for every
 * account of the example and every policy type, the levels the model builds equal the
 * levels read back from the synthesized Terraform, text for text.
 */
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { organizationIdOf, policyLevelsOf } from '../../lib/explain/policy-levels';
import { ORGANIZATION_POLICY_KINDS } from '../../lib/guardrails/policy-types';
import { enabledPolicyTypesIn, policyLevelsInView } from '../../lib/review/organization-policy-levels';
import { organizationViewOf } from '../../lib/review/organization-view';
import { readSynthesizedOutput } from '../../lib/review/synthesized-output';
import { copyExample } from '../support/example-config';
import { exampleOutput } from '../support/example-output';

describe('the policies explained', () => {
  it.each(ORGANIZATION_POLICY_KINDS.map((kind) => kind.type))('are the %s levels synthesized for every account', async (type) => {
    const { landingZone } = await loadLandingZone(copyExample());
    const output = readSynthesizedOutput(exampleOutput());
    const view = organizationViewOf(output);
    const enabled = enabledPolicyTypesIn(output);
    let compared = 0;
    for (const account of landingZone.accounts) {
      const modelled = policyLevelsOf(landingZone, account, type);
      compared += modelled?.flatMap((level) => level.policies).length ?? 0;
      expect(policyLevelsInView(view, enabled, account.key, type, organizationIdOf(landingZone))).toEqual(modelled);
    }
    expect(compared).toBeGreaterThan(0);
  });
});
