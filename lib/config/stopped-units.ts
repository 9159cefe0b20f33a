/**
 * OUs where no member account can do anything: the suspended OU and the OUs below it, and
 * every OU that deny-all reaches, attached to it or to an OU above it. An active account
 * placed there by mistake (rather than suspended through its lifecycle) is created and then
 * stopped; a core account there stops the landing zone.
 */
import type { LandingZoneConfig } from './schemas/landing-zone';

export const DENY_ALL = 'deny-all';

type Settings = Pick<LandingZoneConfig, 'suspendedOrganizationalUnit' | 'guardrails'>;

/** Why an account in OU `path` can do nothing, as a clause (`the suspended OU`, `deny-all reaches it from Sandbox`); undefined when it can work. */
export function whyStopped(settings: Settings, path: string): string | undefined {
  const suspended = settings.suspendedOrganizationalUnit;
  if (path === suspended || path.startsWith(`${suspended}/`)) return `it is ${path === suspended ? 'the suspended OU' : `under the suspended OU ${suspended}`}`;
  const segments = path.split('/');
  for (let length = segments.length; length > 0; length--) {
    const unit = segments.slice(0, length).join('/');
    if ((settings.guardrails.attachments.organizationalUnits[unit]?.serviceControlPolicies ?? []).includes(DENY_ALL)) {
      return unit === path ? `${DENY_ALL} is attached to it` : `${DENY_ALL} reaches it from ${unit}`;
    }
  }
  return undefined;
}
