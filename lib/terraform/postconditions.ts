/** Checks Terraform makes when it reads a data source, so that a plan stops with a message that says what to do. */
import { Fn, Op, TerraformSelf, type TerraformDataSource } from 'cdktf';

/** The plan stops with `message` when the list `attribute` of the data source is empty. */
export function requireNonEmpty(dataSource: TerraformDataSource, attribute: string, message: string): void {
  dataSource.addOverride('lifecycle.postcondition', [{ condition: Op.gte(Fn.lengthOf(TerraformSelf.getAny(attribute)), 1), error_message: message }]);
}
