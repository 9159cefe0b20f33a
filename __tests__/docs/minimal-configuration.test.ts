/** The minimal configuration the README shows is one that validates, with the three request files it describes. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLandingZone } from '../../lib/app/load-landing-zone';
import { REPOSITORY, temporaryDirectory } from '../support/example-config';

it("validates the README's minimal configuration, warning only that it attaches no guardrail", async () => {
  const readme = readFileSync(join(REPOSITORY, 'README.md'), 'utf8');
  const landingZone = /A minimal configuration: a `landing-zone\.yaml` with\n\n```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(landingZone).toBeDefined();
  const dir = temporaryDirectory();
  writeFileSync(join(dir, 'landing-zone.yaml'), landingZone!);
  mkdirSync(join(dir, 'accounts'));
  const budget = 'budget: { monthlyLimitUsd: 100, alertEmails: [finance@example.com] }';
  writeFileSync(
    join(dir, 'accounts/management.yaml'),
    ['name: management', 'email: aws-management@example.com', 'role: management', 'accountId: "111111111111"', budget, ''].join('\n'),
  );
  for (const role of ['log-archive', 'security']) {
    writeFileSync(
      join(dir, `accounts/${role}.yaml`),
      [`name: ${role}`, `email: aws-${role}@example.com`, `role: ${role}`, 'ou: Security', budget, ''].join('\n'),
    );
  }
  const { landingZone: model, warnings } = await loadLandingZone(dir);
  expect(model.memberAccounts.map((account) => account.key)).toEqual(['log-archive', 'security']);
  expect(warnings).toMatch(/^1 warning:\nlanding-zone\.yaml:\d+ guardrails\.attachments: attaches no service control policy anywhere/);
});
