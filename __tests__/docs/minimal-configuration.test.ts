/** The minimal configuration the README shows is one that validates, with the three request files it describes. */
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { minimalConfiguration } from '../support/example-config';

it("validates the README's minimal configuration, warning only that it attaches no guardrail", async () => {
  const { landingZone: model, warnings } = await loadLandingZone(minimalConfiguration());
  expect(model.memberAccounts.map((account) => account.key)).toEqual(['log-archive', 'security']);
  expect(warnings).toMatch(/^1 warning:\nlanding-zone\.yaml:\d+ guardrails\.attachments: attaches no service control policy anywhere/);
});
