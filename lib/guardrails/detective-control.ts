/**
 * A detective control: an AWS Config managed rule, with what it checks and why, in Control
 * Tower's terms (mandatory, strongly recommended, elective). No constructs, no I/O: the
 * stacks deploy each selected control as a Config rule, and the README lists the catalogue
 * from here.
 */

/** Control Tower's guidance: mandatory controls should reach every account, which validation warns of otherwise. */
export type ControlGuidance = 'mandatory' | 'strongly-recommended' | 'elective';

/** How AWS Config runs the rule: on a schedule, or when a resource of its types changes. */
export type ControlTrigger = 'periodic' | 'configuration-change';

/** An input parameter of the managed rule, as AWS documents it: its value is always text. */
export interface ControlParameter {
  readonly type: 'int' | 'boolean' | 'string';
  readonly description: string;
  /** For an int. */
  readonly minimum?: number;
  /** For an int. */
  readonly maximum?: number;
  /** How the rule spells true and false, for a boolean: `true` or `True`. */
  readonly booleanSpelling?: 'lower' | 'capitalized';
}

/** The settings some controls take their parameters from. */
export interface DetectiveControlContext {
  readonly passwordPolicy: { readonly minimumLength: number; readonly reusePrevention: number; readonly maxAgeDays: number };
}

/** An AWS Systems Manager Automation runbook that AWS Config runs on a non-compliant resource. */
export interface ControlRemediation {
  /** An AWS-owned runbook (`AWS-*`, `AWSConfigRemediation-*`). */
  readonly documentName: string;
  /** The runbook parameter that takes the non-compliant resource's id. */
  readonly resourceIdParameter: string;
  /** What the runbook's AutomationAssumeRole needs, as its page lists. */
  readonly actions: readonly string[];
}

export interface DetectiveControl {
  /** kebab-case, unique; the rule is named `landing-zone-<id>` (at most 64 characters: AWS's limit for organization rules). */
  readonly id: string;
  /** One line: what a compliant account has. */
  readonly title: string;
  /** Why a platform team wants to know. */
  readonly why: string;
  readonly guidance: ControlGuidance;
  /** The AWS Config managed rule's identifier. */
  readonly sourceIdentifier: string;
  readonly trigger: ControlTrigger;
  /** What the rule evaluates; for a configuration-change rule, its scope. */
  readonly resourceTypes: readonly string[];
  /** Global resources (IAM, the account itself) are evaluated once, in the home region; the others in every governed region. */
  readonly global: boolean;
  /**
   * The managed rule's input parameters that may be set here.
   * @default none
   */
  readonly parameters?: Readonly<Record<string, ControlParameter>>;
  /**
   * The values the landing zone gives parameters, before `detectiveControls.parameters`.
   * @default none
   */
  readonly parameterValues?: (context: DetectiveControlContext) => Readonly<Record<string, string>>;
  /**
   * The AWS runbook that fixes a non-compliant resource, run when remediation is turned on for the control.
   * @default no remediation
   */
  readonly remediation?: ControlRemediation;
}

/** The rule's name: in the account, or the organization rule's (AWS names its copy in each account `OrgConfigRule-<name>-<suffix>`). */
export function controlRuleName(control: Pick<DetectiveControl, 'id'>): string {
  return `landing-zone-${control.id}`;
}

/** The parameter of `control` named `name` in a configuration, if it has one (its own: `constructor` is no parameter). */
export function controlParameter(control: Pick<DetectiveControl, 'parameters'>, name: string): ControlParameter | undefined {
  return control.parameters && Object.hasOwn(control.parameters, name) ? control.parameters[name] : undefined;
}

/** The text a parameter's value is given to AWS Config as, or why it cannot be. */
export function parameterText(parameter: ControlParameter, value: unknown): { readonly text: string } | { readonly problem: string } {
  switch (parameter.type) {
    case 'int': {
      const number = typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
      if (!Number.isInteger(number)) return { problem: 'expected a whole number' };
      if (parameter.minimum !== undefined && number < parameter.minimum) return { problem: `expected at least ${parameter.minimum}, got ${number}` };
      if (parameter.maximum !== undefined && number > parameter.maximum) return { problem: `expected at most ${parameter.maximum}, got ${number}` };
      return { text: String(number) };
    }
    case 'boolean': {
      const flag = typeof value === 'boolean' ? value : typeof value === 'string' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : undefined;
      if (flag === undefined) return { problem: 'expected true or false' };
      const text = String(flag);
      return { text: parameter.booleanSpelling === 'capitalized' ? text[0].toUpperCase() + text.slice(1) : text };
    }
    case 'string':
      return typeof value === 'string' && value.length > 0 && value.length <= 256 ? { text: value } : { problem: 'expected text of 1 to 256 characters' };
  }
}
