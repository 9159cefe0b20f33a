#!/usr/bin/env node
/* global process, setTimeout, setInterval, clearInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- its copy is an extensionless executable, which Node runs as CommonJS */
// A stand-in for the terraform binary, for the wave runner's tests: no provider can be
// downloaded here, so nothing real can be planned. Copied into a directory of its own as
// `terraform`, it does what scenario.json beside it says and records every call, with its
// start and end times, in state/calls.jsonl there.
//
// Scenario: { "stacks": { "<stack>": {
//   "failures": [{ "command": "plan", "times": 2, "stderr": "..." }],  the first `times` calls fail
//   "plan": { ...terraform show -json output... },                     default: one resource to add
//   "detailedExitCode": 2                                              plan -detailed-exitcode's code when it succeeds
// } }, "delayMs": 40, "initDelayMs": 40,                           how long each command takes
//   "barriers": [{ "command": "plan", "stackPrefix": "account-", "count": 4, "timeoutMs": 10000 }] }
//                                  such a call waits until `count` such calls have started, in all (10 s at most)
//
// A barrier makes a test of what runs side by side independent of how fast processes
// start: the calls it holds overlap if and only if the runner started them together.
// Each stack has a state serial (state/<stack>.serial): a plan records it,
// an apply raises it, and a saved plan made at another serial is stale, as Terraform says.
const { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const stateDirectory = join(__dirname, 'state');
const scenario = JSON.parse(readFileSync(join(__dirname, 'scenario.json'), 'utf8'));
const stack = basename(process.cwd());
const settings = (scenario.stacks || {})[stack] || {};
const [command, ...args] = process.argv.slice(2);
const start = Date.now();

const DEFAULT_PLAN = {
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_budgets_budget.monthly',
      mode: 'managed',
      type: 'aws_budgets_budget',
      name: 'monthly',
      change: { actions: ['create'], before: null, after: { name: 'monthly' }, after_unknown: {} },
    },
  ],
  applyable: true,
};

function readNumber(file) {
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
}

function finish(status, stdout = '', stderr = '') {
  setTimeout(
    () => {
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      appendFileSync(join(stateDirectory, 'calls.jsonl'), `${JSON.stringify({ stack, cwd: process.cwd(), command, args, start, end: Date.now() })}\n`);
      process.exitCode = status;
    },
    command === 'show' ? 5 : command === 'init' ? (scenario.initDelayMs ?? scenario.delayMs ?? 40) : (scenario.delayMs ?? 40),
  );
}

const failure = (settings.failures || []).find((entry) => entry.command === command);
const failuresFile = join(stateDirectory, `${stack}.${command}.failures`);
const failedSoFar = readNumber(failuresFile);
const serialFile = join(stateDirectory, `${stack}.serial`);
const planFile = (arg) => arg.replace(/^-out=/, '');

function run() {
  if (failure && failedSoFar < failure.times) {
    writeFileSync(failuresFile, String(failedSoFar + 1));
    finish(1, '', failure.stderr);
  } else if (command === 'init') {
    finish(0, 'Terraform has been successfully initialized!\n');
  } else if (command === 'plan') {
    const out = args.find((arg) => arg.startsWith('-out='));
    writeFileSync(planFile(out), JSON.stringify({ stack, serial: readNumber(serialFile), destroy: args.includes('-destroy') }));
    finish(args.includes('-detailed-exitcode') ? (settings.detailedExitCode ?? 2) : 0, `Plan: planned ${stack}\n`);
  } else if (command === 'show') {
    finish(0, JSON.stringify(settings.plan || DEFAULT_PLAN));
  } else if (command === 'apply') {
    const saved = JSON.parse(readFileSync(args[args.length - 1], 'utf8'));
    if (saved.serial !== readNumber(serialFile)) {
      finish(
        1,
        '',
        '\nError: Saved plan is stale\n\nThe given plan file can no longer be applied because the state was changed by\nanother operation after the plan was created.\n',
      );
    } else {
      writeFileSync(serialFile, String(saved.serial + 1));
      finish(0, 'Apply complete!\n');
    }
  } else {
    finish(1, '', `fake terraform: no ${command}\n`);
  }
}

const barriers = scenario.barriers || [];
const barrier = barriers.findIndex((entry) => entry.command === command && stack.startsWith(entry.stackPrefix || ''));
if (barrier === -1) run();
else {
  const { count, timeoutMs = 10_000 } = barriers[barrier];
  writeFileSync(join(stateDirectory, `started.${barrier}.${process.pid}`), '');
  const waiting = setInterval(() => {
    const started = readdirSync(stateDirectory).filter((file) => file.startsWith(`started.${barrier}.`)).length;
    if (started >= count || Date.now() - start > timeoutMs) {
      clearInterval(waiting);
      run();
    }
  }, 5);
}
