import { loadLandingZone } from '../../lib/app/load-landing-zone';
import type { LandingZone } from '../../lib/model/landing-zone';
import { accountsReachedBy, accountsUnder, ancestorsOf } from '../../lib/model/organization-tree';
import { addNestedPaymentsUnit, copyExample } from '../support/example-config';
import { exampleOutput } from '../support/example-output';
import { serviceControlPolicyChain } from '../support/scp-chain';

let landingZone: LandingZone;
beforeAll(async () => {
  const dir = copyExample();
  addNestedPaymentsUnit(dir);
  ({ landingZone } = await loadLandingZone(dir));
});

const keys = (accounts: readonly { key: string }[]) => accounts.map((account) => account.key);

describe('the OU tree of the model', () => {
  it('walks from an OU up to the top level, nested OUs included', () => {
    expect(ancestorsOf(landingZone, 'Workloads/Prod/Payments').map((ou) => ou.path)).toEqual(['Workloads', 'Workloads/Prod', 'Workloads/Prod/Payments']);
    expect(ancestorsOf(landingZone, 'Sandbox').map((ou) => ou.path)).toEqual(['Sandbox']);
    expect(() => ancestorsOf(landingZone, 'Workloads/Dev')).toThrow('no OU at Workloads/Dev');
  });

  it('finds every account below an OU, in nested OUs too, and no account of a sibling', () => {
    expect(keys(accountsUnder(landingZone, 'Workloads'))).toEqual(['payments-dev', 'payments-ledger', 'payments-prod']);
    expect(keys(accountsUnder(landingZone, 'Workloads/Prod'))).toEqual(['payments-ledger', 'payments-prod']);
    expect(keys(accountsUnder(landingZone, 'Workloads/NonProd'))).toEqual(['payments-dev']);
    expect(keys(accountsUnder(landingZone, 'Suspended'))).toEqual([]);
  });

  it('reaches every member account from the root, one account by its name', () => {
    expect(keys(accountsReachedBy(landingZone, { kind: 'root' }))).toEqual(keys(landingZone.memberAccounts));
    expect(keys(accountsReachedBy(landingZone, { kind: 'account', name: 'security' }))).toEqual(['security']);
    expect(keys(accountsReachedBy(landingZone, { kind: 'organizational-unit', path: 'Workloads/Prod' }))).toEqual(['payments-ledger', 'payments-prod']);
  });

  it('walks the same OUs as the SCP chain read back from the synthesized stacks', async () => {
    const { landingZone: example } = await loadLandingZone(copyExample());
    for (const account of example.memberAccounts) {
      const chain = serviceControlPolicyChain(exampleOutput(), account.key).map((level) => level.orgIdentifier);
      expect(chain).toEqual(['root', ...ancestorsOf(example, account.ouPath).map((ou) => ou.name), account.key]);
    }
  });
});
