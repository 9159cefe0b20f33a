/**
 * Where each stack keeps its Terraform state, and how one stack reads another's outputs.
 *
 * Every stack has a state of its own: `<keyPrefix>/<stack>.tfstate` in S3 (encrypted,
 * locked with an S3 lock file), or `<stack>.tfstate` in a local `terraform-state/`
 * folder. Local paths are relative, so that the synthesized output does not depend on
 * where the checkout lives.
 */
import { DataTerraformRemoteStateLocal, DataTerraformRemoteStateS3, LocalBackend, S3Backend, type TerraformRemoteState, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';

/**
 * Terraform runs each stack in `cdktf.out/stacks/<stack>/`; three levels up is the
 * directory synth ran in.
 */
const LOCAL_STATE_DIRECTORY = '../../../terraform-state';

export interface StateBackend {
  /** Gives `stack` its own state. */
  attach(stack: TerraformStack, stackName: string): void;
  /**
   * Reads the outputs of the stack named `stackName`.
   * @param defaults what the outputs read as while that stack has no state yet
   */
  remoteState(scope: Construct, id: string, stackName: string, defaults?: Readonly<Record<string, string>>): TerraformRemoteState;
}

/** Where the states are kept, as `stateBackend` of landing-zone.yaml says. */
export type StateBackendSettings =
  { readonly type: 's3'; readonly bucket: string; readonly region: string; readonly keyPrefix: string } | { readonly type: 'local' };

export function stateBackendFor(config: StateBackendSettings): StateBackend {
  if (config.type === 's3') {
    const location = (stackName: string) => ({ bucket: config.bucket, region: config.region, key: `${config.keyPrefix}/${stackName}.tfstate` });
    return {
      attach(stack, stackName) {
        const backend = new S3Backend(stack, { ...location(stackName), encrypt: true });
        // cdktf's S3Backend predates S3-native locking; Terraform >= 1.10 reads this flag.
        backend.addOverride('use_lockfile', true);
      },
      remoteState: (scope, id, stackName, defaults) => new DataTerraformRemoteStateS3(scope, id, { ...location(stackName), defaults }),
    };
  }
  const path = (stackName: string) => `${LOCAL_STATE_DIRECTORY}/${stackName}.tfstate`;
  return {
    attach: (stack, stackName) => void new LocalBackend(stack, { path: path(stackName) }),
    remoteState: (scope, id, stackName, defaults) => new DataTerraformRemoteStateLocal(scope, id, { path: path(stackName), defaults }),
  };
}
