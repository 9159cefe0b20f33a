/**
 * The review as people read it: in a terminal (colour when it is one), or as Markdown for
 * a pull request comment, risks first, then the requests changed SCPs and RCPs flip, what
 * the change does, every stack's detail folded away. A comment that would pass GitHub's
 * limit keeps its risks, requests and what the change does, leaves out stack detail from
 * the end, and says where the full report is.
 */
import { writeFileSync } from 'node:fs';
import type { AttributeChange, ResourceChange, ReviewReport, Risk, StackChange } from './report';

/** GitHub refuses comments over 65,536 characters; a margin is kept for what CI adds. */
export const COMMENT_LIMIT = 60_000;

/** A value whole, however long: what is cut is what a reviewer misses. */
function value(value: unknown): string {
  return JSON.stringify(value) ?? 'nothing';
}

/** `critical, acknowledged by ... until ...` */
function standing(risk: Risk): string {
  return risk.acknowledged
    ? `${risk.severity}, acknowledged by ${risk.acknowledged.by} until ${risk.acknowledged.expires}: ${risk.acknowledged.reason}`
    : risk.severity;
}

function attributeLine(change: AttributeChange): string {
  if (change.added || change.removed) {
    const parts = [...(change.added ?? []).map((entry) => `+${value(entry)}`), ...(change.removed ?? []).map((entry) => `-${value(entry)}`)];
    return `${change.path}: ${parts.join(' ')}`;
  }
  if (change.before === undefined) return `${change.path}: ${value(change.after)}`;
  if (change.after === undefined) return `${change.path}: ${value(change.before)} removed`;
  return `${change.path}: ${value(change.before)} -> ${value(change.after)}`;
}

const ACTION_MARKS: Readonly<Record<ResourceChange['action'], string>> = {
  create: '+',
  delete: '-',
  update: '~',
  replace: '-/+',
  import: '<=',
  forget: 'x',
  read: '?',
  'no-op': ' ',
};

/** Each changed line of a resource: its attributes, and its documents statement by statement. */
function resourceDetail(resource: ResourceChange): string[] {
  if (resource.action === 'create' || resource.action === 'delete') {
    return resource.documents.flatMap((document) => document.statements.map((statement) => `${document.attribute}: ${statement.sentences.join('; ')}`));
  }
  return [
    ...resource.attributes.map(attributeLine),
    ...resource.documents.flatMap((document) => [
      ...document.statements.map((statement) => `${document.attribute}: ${statement.sentences.join('; ') || `statement ${statement.sid} changes`}`),
      ...document.changes.map((change) => `${document.attribute}: ${attributeLine(change)}`),
    ]),
    ...(resource.replacedBecause.length > 0 ? [`replaced because ${resource.replacedBecause.join(', ')} changed`] : []),
    ...(resource.unknownAfter.length > 0 ? [`known after apply: ${resource.unknownAfter.join(', ')}`] : []),
  ];
}

function stackCounts(stack: StackChange): string {
  const count = (actions: readonly ResourceChange['action'][]) =>
    stack.resources.filter((resource) => resource.kind === 'resource' && actions.includes(resource.action)).length;
  return `+${count(['create', 'import', 'replace'])} ~${count(['update'])} -${count(['delete', 'replace'])}`;
}

interface Palette {
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly bold: (text: string) => string;
}

const PLAIN: Palette = { red: (text) => text, green: (text) => text, yellow: (text) => text, bold: (text) => text };
const COLOURS: Palette = {
  red: (text) => `\u001b[31m${text}\u001b[0m`,
  green: (text) => `\u001b[32m${text}\u001b[0m`,
  yellow: (text) => `\u001b[33m${text}\u001b[0m`,
  bold: (text) => `\u001b[1m${text}\u001b[0m`,
};

function riskLines(risk: Risk, palette: Palette): string[] {
  return [
    `  ${(risk.acknowledged ? palette.yellow : palette.red)(`[${risk.severity}] [${risk.kind}]`)} ${risk.title}`,
    ...(risk.acknowledged ? [`      acknowledged by ${risk.acknowledged.by} until ${risk.acknowledged.expires}: ${risk.acknowledged.reason}`] : []),
    `      why: ${risk.why}`,
    ...(risk.saferPath ? [`      safer: ${risk.saferPath}`] : []),
    ...(risk.reach ? [`      accounts: ${risk.reach}`] : []),
    ...(risk.stacks.length > 1 ? [`      stacks: ${risk.stacks.join(', ')}`] : []),
    `      id: ${risk.id}`,
  ];
}

export function renderTerminal(report: ReviewReport, colour: boolean): string {
  const palette = colour ? COLOURS : PLAIN;
  const lines = [palette.bold(`Review: ${report.summary}`)];
  if (report.risks.length > 0) lines.push('', palette.bold(`Risks (${report.risks.length})`), ...report.risks.flatMap((risk) => riskLines(risk, palette)));
  if (report.warnings.length > 0) lines.push('', palette.bold('Warnings'), ...report.warnings.map((warning) => `  - ${warning}`));
  if (report.requests.length > 0)
    lines.push('', palette.bold(`Requests that change (${report.requests.length})`), ...report.requests.map((request) => `  - ${request.sentence}`));
  if (report.intents.length > 0) lines.push('', palette.bold('What it does'), ...report.intents.map((intent) => `  - ${intent.sentence}`));
  if (report.stacks.length > 0) {
    lines.push('', palette.bold(`Stacks (${report.stacks.length})`));
    for (const stack of report.stacks) {
      lines.push(`  ${stack.name} (${stack.status}, ${stackCounts(stack)})`);
      for (const resource of stack.resources) {
        const mark = ACTION_MARKS[resource.action];
        const colourOf = resource.action === 'create' ? palette.green : resource.action === 'update' ? palette.yellow : palette.red;
        lines.push(`    ${colourOf(mark)} ${resource.address}`, ...resourceDetail(resource).map((line) => `        ${line}`));
      }
      for (const entry of stack.imports) lines.push(`    <= ${entry.to} (imports ${entry.id})`);
      if (stack.drift.length > 0) lines.push(`    drift, changed outside Terraform: ${driftText(stack)}`);
    }
  }
  if (report.suppressed.metadata + report.suppressed.reordered > 0) {
    lines.push('', `Left out as noise: ${report.suppressed.metadata} metadata differences, ${report.suppressed.reordered} lists or documents only reordered.`);
  }
  return lines.join('\n');
}

/** Each resource that drifted, with the attributes that did: `aws_s3_account_public_access_block.public_access_block (block_public_acls)`. */
function driftText(stack: StackChange): string {
  return stack.drift
    .map((resource) => {
      const attributes = [...new Set([...resource.attributes.map((change) => change.path), ...resource.documents.map((document) => document.attribute)])];
      return attributes.length > 0 ? `${resource.address} (${attributes.join(', ')})` : resource.address;
    })
    .join(', ');
}

/** Text shown as it is in Markdown: every character Markdown or GitHub would read as markup escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}

function markdownStack(stack: StackChange): string {
  const lines = [`<details><summary><code>${escapeMarkdown(stack.name)}</code> ${stack.status}, ${stackCounts(stack)}</summary>`, '', '```diff'];
  for (const resource of stack.resources) {
    const mark = resource.action === 'create' || resource.action === 'import' ? '+' : resource.action === 'delete' || resource.action === 'replace' ? '-' : '!';
    lines.push(`${mark} ${resource.address}${resource.action === 'replace' ? ' (replaced)' : ''}`, ...resourceDetail(resource).map((line) => `    ${line}`));
  }
  for (const entry of stack.imports) lines.push(`+ ${entry.to} (imports ${entry.id})`);
  if (stack.drift.length > 0) lines.push(`# drift, changed outside Terraform: ${driftText(stack)}`);
  lines.push('```', '', '</details>');
  return lines.join('\n');
}

function markdownRisk(risk: Risk): string[] {
  return [
    `- **${escapeMarkdown(standing(risk))}** · ${risk.kind}: ${escapeMarkdown(risk.title)}  `,
    `  ${escapeMarkdown(risk.why)}`,
    ...(risk.saferPath ? [`  Safer: ${escapeMarkdown(risk.saferPath)}`] : []),
    ...(risk.reach ? [`  Accounts: ${escapeMarkdown(risk.reach)}`] : []),
    ...(risk.stacks.length > 1 ? [`  Stacks: ${escapeMarkdown(risk.stacks.join(', '))}`] : []),
    `  <sub>id ${risk.id}</sub>`,
  ];
}

function leftOut(count: number, what: string, fullReport: string | undefined): string[] {
  if (count === 0) return [];
  return [`${count} more ${what} left out to fit a comment${fullReport ? `: the full report is in ${escapeMarkdown(fullReport)}` : ''}.`];
}

/**
 * Markdown for a pull request comment; `fullReport` names where the whole report is when
 * the comment has to leave something out: stack detail first, then what the change does,
 * then the least serious risks.
 */
export function renderMarkdown(report: ReviewReport, fullReport?: string, limit = COMMENT_LIMIT): string {
  const risks = report.risks.map(markdownRisk);
  const intents = report.intents.map((intent) => `- ${escapeMarkdown(intent.sentence)}`);
  const stacks = report.stacks.map(markdownStack);
  const noise =
    report.suppressed.metadata + report.suppressed.reordered > 0
      ? [`<sub>Left out as noise: ${report.suppressed.metadata} metadata differences, ${report.suppressed.reordered} lists or documents only reordered.</sub>`]
      : [];
  const compose = (shown: { risks: number; intents: number; stacks: number }) =>
    [
      '### Landing zone review',
      '',
      `**${escapeMarkdown(report.summary)}**`,
      ...(risks.length > 0
        ? ['', `#### Risks (${risks.length})`, '', ...risks.slice(0, shown.risks).flat(), ...leftOut(risks.length - shown.risks, 'risks', fullReport)]
        : []),
      ...(report.warnings.length > 0 ? ['', '#### Warnings', '', ...report.warnings.map((warning) => `- ${escapeMarkdown(warning)}`)] : []),
      ...(report.requests.length > 0
        ? ['', `#### Requests that change (${report.requests.length})`, '', ...report.requests.map((request) => `- ${escapeMarkdown(request.sentence)}`)]
        : []),
      ...(intents.length > 0
        ? ['', '#### What it does', '', ...intents.slice(0, shown.intents), ...leftOut(intents.length - shown.intents, 'lines', fullReport)]
        : []),
      ...(stacks.length > 0
        ? ['', `#### Stacks (${stacks.length})`, '', ...stacks.slice(0, shown.stacks), ...leftOut(stacks.length - shown.stacks, 'stacks', fullReport)]
        : []),
      '',
      ...noise,
    ].join('\n');
  const shown = { risks: risks.length, intents: intents.length, stacks: stacks.length };
  let text = compose(shown);
  for (const part of ['stacks', 'intents', 'risks'] as const) {
    while (text.length > limit && shown[part] > 0) {
      shown[part] = Math.max(0, shown[part] - Math.max(1, Math.ceil((shown[part] * (text.length - limit)) / text.length)));
      text = compose(shown);
    }
  }
  return text;
}

export type ReportFormat = 'terminal' | 'markdown' | 'json';

/** The report in `format`; for Markdown, the whole of it written to `fullReport` too, when given. */
export function renderReport(report: ReviewReport, options: { readonly format: ReportFormat; readonly colour: boolean; readonly fullReport?: string }): string {
  if (options.format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (options.format === 'markdown') {
    if (options.fullReport) writeFileSync(options.fullReport, `${renderMarkdown(report, undefined, Number.POSITIVE_INFINITY)}\n`);
    return `${renderMarkdown(report, options.fullReport)}\n`;
  }
  return `${renderTerminal(report, options.colour)}\n`;
}
