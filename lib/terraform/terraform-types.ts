/** The cdktf types the feature folders name, so that cdktf itself is imported here only. */
export type { ITerraformDependable as TerraformDependable, TerraformProvider } from 'cdktf';
