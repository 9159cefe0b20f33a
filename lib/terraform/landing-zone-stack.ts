/**
 * What every stack of the landing zone is: a Terraform state of its own, and Terraform JSON
 * in which no literal text is ever evaluated (see `literal-text.ts`). Each stack class
 * extends this one and composes features; nothing else is inherited.
 */
import { TerraformElement, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { escapeLiteralText } from './literal-text';
import { restoreMapKeys } from './map-keys';
import { stackJson } from './stack-json';
import type { StateBackend } from './state-backend';

export abstract class LandingZoneStack extends TerraformStack {
  /** Each element's own `toTerraform`, before the escaping wrapped it. */
  private readonly ownOutputs = new WeakMap<TerraformElement, () => unknown>();
  private overridden = false;

  constructor(scope: Construct, name: string, stateBackend: StateBackend) {
    super(scope, name);
    stateBackend.attach(this, name);
  }

  /**
   * cdktf resolves the output of each element's `toTerraform` as soon as it has it: the
   * escaping wraps each element's own, before references are resolved into text that could
   * no longer be told from literal text. Keys `__proto__` come back last (see `map-keys.ts`).
   * The JSON is cdktf's, written the quicker way of `stack-json.ts`, which escapes and
   * resolves each element's own output in one pass.
   */
  override toTerraform(): ReturnType<TerraformStack['toTerraform']> {
    for (const element of this.node.findAll().filter(TerraformElement.isTerraformElement)) {
      if (this.ownOutputs.has(element)) continue;
      const ownOutput = element.toTerraform.bind(element);
      this.ownOutputs.set(element, ownOutput);
      element.toTerraform = () => escapeLiteralText(ownOutput()) as ReturnType<typeof ownOutput>;
    }
    return restoreMapKeys(this.overridden ? super.toTerraform() : stackJson(this, (element) => this.ownOutputs.get(element)!()));
  }

  override addOverride(path: string, value: unknown): void {
    this.overridden = true;
    super.addOverride(path, value);
  }
}
