/** The bundled example, synthesized once for the whole run by `global-setup.ts`: read it, never change it. */
export const EXAMPLE_OUTPUT_VARIABLE = 'LANDING_ZONE_EXAMPLE_OUTPUT';

export function exampleOutput(): string {
  const outdir = process.env[EXAMPLE_OUTPUT_VARIABLE];
  if (!outdir) throw new Error(`${EXAMPLE_OUTPUT_VARIABLE} is not set: jest runs __tests__/support/global-setup.ts first (jest.config.js)`);
  return outdir;
}
