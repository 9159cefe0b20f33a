/**
 * `npm run explain`: why the organization denies a request, or does not, level by level,
 * from the configuration alone (no AWS credentials).
 *
 *   npm run explain -- --account payments-prod --action ec2:RunInstances --region us-east-1
 *   npm run explain -- ... --base main          the same request before the change (a commit, synthesized with its own code)
 *   npm run explain -- ... --before cdktf.out   ... or before as a synthesized output shows it
 *
 * `--format json` for tools. Exit 0 whatever the decision; 1 for bad arguments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { loadLandingZone } from '../app/load-landing-zone';
import { UserError } from '../diagnostics';
import { type ExplainOptions, explainedRequest } from '../explain/explained-request';
import { explainRequest, modelPolicySource, type PolicySource } from '../explain/explanation';
import { renderExplanationJson, renderExplanationText, type ExplanationFormat } from '../explain/render-explanation';
import { configurationDirectory } from './configuration-directory';
import { runCommand } from './run-command';

interface CommandOptions {
  readonly account: string;
  readonly action: string;
  readonly region?: string;
  readonly resource?: string;
  readonly principal?: string;
  readonly context: string[];
  readonly tag: string[];
  readonly resourceTag: string[];
  readonly base?: string;
  readonly before?: string;
  readonly format: ExplanationFormat;
}

/**
 * The organization as a synthesized output describes it, read back as the review reads it.
 * The review's code (and, for --base, the synthesis of a commit) is loaded only when asked
 * for: explaining the working tree alone stays quick to start.
 */
async function outputPolicySource(directory: string, label: string, organizationId: string): Promise<PolicySource> {
  const [{ readSynthesizedOutput }, { organizationViewOf }, { enabledPolicyTypesIn, policyLevelsInView }] = await Promise.all([
    import('../review/synthesized-output'),
    import('../review/organization-view'),
    import('../review/organization-policy-levels'),
  ]);
  const output = readSynthesizedOutput(directory);
  const view = organizationViewOf(output);
  const enabled = enabledPolicyTypesIn(output);
  return {
    label,
    hasAccount: (key) => view.accounts.has(key),
    levels: (account, type) => policyLevelsInView(view, enabled, account.key, type, organizationId),
  };
}

async function beforeSource(options: CommandOptions, organizationId: string): Promise<PolicySource | undefined> {
  if (options.before !== undefined) return outputPolicySource(options.before, options.before, organizationId);
  if (options.base === undefined) return undefined;
  const { synthesizeBase } = await import('./checkouts');
  const work = mkdtempSync(join(tmpdir(), 'landing-zone-explain-'));
  try {
    synthesizeBase(options.base, work);
    return await outputPolicySource(work, options.base, organizationId);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function collect(value: string, earlier: string[]): string[] {
  return [...earlier, value];
}

const program = new Command('explain')
  .description("Explain whether the organization's SCPs and RCPs deny a request, level by level, and which other policies bear on it.")
  .requiredOption('--account <name|id>', 'the account the request is made in (by its name, request file or id)')
  .requiredOption('--action <service:Action>', 'the action, such as ec2:RunInstances')
  .option('--region <region>', 'the region the request is sent to (default: the home region)')
  .option('--resource <arn>', "the resource's ARN (default: one of the action's resource type in the account)")
  .option('--principal <arn>', 'who asks: a role, user, role session or root user ARN, an AWS service principal, or anonymous (default: a role of the account)')
  .option('--context <key=value>', 'a condition key of the request; repeat for more, a,b for the values of a multivalued key', collect, [])
  .option('--tag <key=value>', 'a tag sent with the request (aws:RequestTag); repeat for more', collect, [])
  .option('--resource-tag <key=value>', 'a tag of the resource (aws:ResourceTag); repeat for more', collect, [])
  .option('--base <ref>', 'also explain the request as the commit <ref> would decide it (synthesized with its own code)')
  .option('--before <dir>', 'also explain the request as a synthesized output (cdktf.out) before the change decides it')
  .addOption(new Option('--format <format>', 'how to print the explanation').choices(['terminal', 'json']).default('terminal'))
  .action((options: CommandOptions) =>
    runCommand(async () => {
      if (options.base !== undefined && options.before !== undefined) throw new UserError('give --base or --before, not both');
      const { landingZone } = await loadLandingZone(configurationDirectory());
      const explainOptions: ExplainOptions = { ...options, context: options.context, tags: options.tag, resourceTags: options.resourceTag };
      const request = await explainedRequest(landingZone, explainOptions);
      const before = await beforeSource(options, request.organizationId);
      const after = await explainRequest(request, modelPolicySource(landingZone, 'the working tree'));
      const explainedBefore = before ? await explainRequest(request, before) : undefined;
      const render = options.format === 'json' ? renderExplanationJson : renderExplanationText;
      process.stdout.write(render(request, after, explainedBefore));
    }),
  );

void program.parseAsync();
