/** Configuration directory in, Terraform stacks out: what `cdktf synth` runs. */
import { TerraformStack, type App } from 'cdktf';
import { buildLandingZoneApp } from './landing-zone-app';
import { loadLandingZone } from './load-landing-zone';
import type { LandingZone } from './model/landing-zone';

export interface SynthesizedLandingZone {
  readonly landingZone: LandingZone;
  readonly app: App;
  /** Warnings, already formatted; empty when there are none. */
  readonly warnings: string;
}

/**
 * cdktf records a full stack trace for every token it creates, only for its own error
 * messages, and each resource creates dozens: capturing them, and formatting them through
 * source maps (under tsx or jest), took a large part of every synth. While the
 * app is built, traces are neither captured by `Error.captureStackTrace` nor formatted.
 * An error thrown meanwhile still has its trace: V8 records it at construction and formats
 * it when it is first read, after both are back.
 */
function withoutStackTraceCapture<T>(work: () => T): T {
  const { captureStackTrace, prepareStackTrace } = Error;
  Error.captureStackTrace = () => undefined;
  Error.prepareStackTrace = () => '';
  try {
    return work();
  } finally {
    Error.captureStackTrace = captureStackTrace;
    Error.prepareStackTrace = prepareStackTrace;
  }
}

/**
 * cdktf resolves every stack twice. The first, "preparing" pass only looks for values that
 * reference a resource of another stack, to add an output and a remote state for each;
 * it took a third of a synth. These stacks never share values that way: what one reads of
 * another goes through explicit outputs and remote state (`lib/state-backend.ts`), so
 * that vending an account changes no other stack. So the pass is skipped; a test
 * synthesizes the example with it and without it and compares every byte.
 */
function withoutCrossStackPreparation<T>(work: () => T): T {
  const { prepareStack } = TerraformStack.prototype;
  TerraformStack.prototype.prepareStack = function prepareBackendOnly(this: TerraformStack) {
    this.ensureBackendExists();
  };
  try {
    return work();
  } finally {
    TerraformStack.prototype.prepareStack = prepareStack;
  }
}

/** Validates everything first: a configuration error is thrown before anything is written. */
export async function synthesizeLandingZone(configDirectory: string, outdir?: string): Promise<SynthesizedLandingZone> {
  const { landingZone, warnings } = await loadLandingZone(configDirectory);
  const app = withoutStackTraceCapture(() =>
    withoutCrossStackPreparation(() => {
      const built = buildLandingZoneApp(landingZone, { outdir });
      built.synth();
      return built;
    }),
  );
  return { landingZone, app, warnings };
}
