/** Checks Terraform makes when it reads a data source, so that a plan stops with a message that says what to do. */
import { Fn, Op, ref, TerraformSelf, TerraformStack, Token, type TerraformDataSource } from 'cdktf';
import { expressionText } from './literal-text';

/** The plan stops with `message` when the list `attribute` of the data source is empty. */
export function requireNonEmpty(dataSource: TerraformDataSource, attribute: string, message: string): void {
  dataSource.addOverride('lifecycle.postcondition', [{ condition: Op.gte(Fn.lengthOf(TerraformSelf.getAny(attribute)), 1), error_message: message }]);
}

/**
 * The plan stops with the message of the first `required` value that no element of the list
 * `attribute` of the data source has as its `key`. Values are text of the configuration: they
 * are written into the condition as literals Terraform reads as they are.
 */
export function requireListed(dataSource: TerraformDataSource, attribute: string, key: string, required: readonly { value: string; message: string }[]): void {
  if (required.length === 0) return;
  const keys = Token.asList(ref(`self.${attribute}[*].${key}`, TerraformStack.of(dataSource)));
  dataSource.addOverride(
    'lifecycle.postcondition',
    required.map(({ value, message }) => ({ condition: Fn.contains(keys, expressionText(value)), error_message: message })),
  );
}

/** The `value` of the element of the list `attribute` of the data source whose `key` is `match`. */
export function listedValue(dataSource: TerraformDataSource, attribute: string, key: string, match: string, value: string): string {
  const list = `data.${dataSource.terraformResourceType}.${dataSource.friendlyUniqueId}.${attribute}`;
  const stack = TerraformStack.of(dataSource);
  return Token.asString(
    Fn.lookup(Fn.zipmap(Token.asList(ref(`${list}[*].${key}`, stack)), Token.asList(ref(`${list}[*].${value}`, stack))), expressionText(match)),
  );
}
