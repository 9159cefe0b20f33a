/**
 * Parses GitHub Actions workflow files with GitHub's own parser (`@actions/workflow-parser`,
 * the one behind the Actions language service) and prints, as JSON, each file's errors.
 *
 *   tsx __tests__/support/parse-workflows.mts <workflow.yml>...
 *
 * The parser is ESM-only and imports JSON without import attributes, which neither jest
 * (CommonJS through swc) nor plain Node.js 20 can load; tsx's ESM loader can, so the tests
 * run this file as a child process.
 */
import { readFileSync } from 'node:fs';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

const results = process.argv.slice(2).map((file) => {
  const parsed = parseWorkflow({ name: file, content: readFileSync(file, 'utf8') }, new NoOperationTraceWriter());
  return { file, errors: parsed.context.errors.getErrors().map((error) => error.message) };
});
process.stdout.write(`${JSON.stringify(results)}\n`);
