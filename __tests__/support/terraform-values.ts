/**
 * Policy strings of the synthesized Terraform, read as Terraform would evaluate them:
 * `$${...}` and `%%{...}` are literals (IAM policy variables), and every other `${...}`
 * is a reference, replaced by the value the test gives it (an account or organization
 * id that only exists once deployed).
 */

/** Fails on a reference without a given value, so that no placeholder reaches a simulation. */
export function evaluateTerraformString(text: string, references: Readonly<Record<string, string>> = {}): string {
  return text.replace(/(\$?)\$\{([^}]*)\}|%%\{/g, (match, escape: string, reference: string | undefined) => {
    if (match === '%%{') return '%{';
    if (escape) return `\${${reference}}`;
    const value = references[reference!];
    if (value === undefined) throw new Error(`no value given for the reference \${${reference}}`);
    return value;
  });
}

export function policyFromTerraform(text: string, references: Readonly<Record<string, string>> = {}): any {
  return JSON.parse(evaluateTerraformString(text, references));
}
