/**
 * action.yml: its scan step run as the Actions runner runs a composite step (bash -e, inputs
 * through the step's environment, outputs through $GITHUB_OUTPUT), with the `posture` the
 * install step builds replaced by the CLI run from source; and every input used and documented.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { sarifProblems } from './support/sarif-shape.js';
import { CLEAN_TASKS, INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

async function action(): Promise<Action> {
  return parse(await readFile(path.join(projectRoot, 'action.yml'), 'utf8')) as Action;
}

interface StepRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
}

/** Runs one `run` step the way the runner does, resolving `${{ inputs.* }}` and the install step's output. */
async function runStep(
  step: Step,
  inputs: Action['inputs'],
  given: Record<string, string>,
  workspace: string,
): Promise<StepRun> {
  const runnerTemp = await tempTree({});
  const outputFile = path.join(runnerTemp, 'github-output');
  await writeFile(outputFile, '');
  const posture = path.join(runnerTemp, 'posture');
  await writeFile(
    posture,
    `#!/bin/sh\nexec "${path.join(projectRoot, 'node_modules', '.bin', 'tsx')}" "${path.join(projectRoot, 'src', 'cli', 'main.ts')}" "$@"\n`,
  );
  await chmod(posture, 0o755);
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    NO_COLOR: '1',
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: runnerTemp,
  };
  for (const [name, expression] of Object.entries(step.env ?? {})) {
    const input = /^\$\{\{ inputs\.([\w-]+) \}\}$/.exec(expression)?.[1];
    if (input) env[name] = given[input] ?? inputs[input]?.default ?? '';
    else if (expression === '${{ steps.install.outputs.posture }}') env[name] = posture;
    else throw new Error(`unexpected expression for ${name}: ${expression}`);
  }
  const script = path.join(runnerTemp, 'step.sh');
  await writeFile(script, step.run ?? '');
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', script],
      { cwd: workspace, env },
      (error, out) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout: out,
        }),
    );
  });
  const outputs = Object.fromEntries(
    (await readFile(outputFile, 'utf8'))
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, stdout, outputs };
}

async function workspace(files: Record<string, string>): Promise<string> {
  const root = await tempTree(files);
  await mkdir(path.join(root, '.git'));
  return root;
}

describe('the GitHub Action', () => {
  it('is a composite action that installs Posture, scans, uploads SARIF with codeql-action and then fails on the verdict', async () => {
    const { runs } = await action();
    expect(runs.using).toBe('composite');
    expect(runs.steps.map((step) => step.uses ?? step.id ?? step.name)).toEqual([
      'actions/setup-node@v4',
      'install',
      'scan',
      'github/codeql-action/upload-sarif@v4',
      'Verdict',
    ]);
    const upload = runs.steps[3];
    expect(upload?.with).toEqual({
      sarif_file: '${{ steps.scan.outputs.sarif-file }}',
      category: '${{ inputs.category }}',
    });
    expect(upload?.if).toContain('always()');
  });

  it('annotates the findings, writes valid SARIF, and reports the exit code without failing the scan step', async () => {
    const { inputs, runs } = await action();
    const scanStep = runs.steps.find((step) => step.id === 'scan') as Step;
    const root = await workspace({
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
      'roles/db/tasks/main.yml': CLEAN_TASKS,
    });
    const run = await runStep(scanStep, inputs, {}, root);
    expect(run.code).toBe(0);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.stdout).toMatch(/^::error file=roles\/web\/tasks\/main\.yml,line=5,/m);
    const sarifFile = run.outputs['sarif-file'] ?? '';
    expect(path.basename(sarifFile)).toBe('posture.sarif');
    const sarif = JSON.parse(await readFile(sarifFile, 'utf8')) as unknown;
    expect(sarifProblems(sarif)).toEqual([]);
  });

  it('passes every input to posture scan, paths one per line', async () => {
    const { inputs, runs } = await action();
    const scanStep = runs.steps.find((step) => step.id === 'scan') as Step;
    const root = await workspace({
      'roles/web/tasks/main.yml': INSECURE_DOWNLOAD,
      'roles/db/tasks/main.yml': '- name: x\n  # TODO: later\n  package:\n    name: postgresql\n',
      'strict.yml': 'fail_on: low\n',
    });
    const run = await runStep(
      scanStep,
      inputs,
      {
        paths: 'roles/db\n',
        config: 'strict.yml',
        'fail-on': 'low',
        format: 'json',
        'upload-sarif': 'false',
        profile: 'glitch',
        args: '--skip-rule\nhttp-without-tls',
      },
      root,
    );
    expect(run.outputs).toEqual({ 'exit-code': '1' });
    const report = JSON.parse(run.stdout) as {
      findings: { path: string; category: string }[];
      policies: { path: string }[];
    };
    expect(report.findings.map((finding) => `${finding.path} ${finding.category}`)).toEqual([
      'roles/db/tasks/main.yml suspicious-comment',
    ]);
    expect(report.policies).toEqual([{ layer: 'repository', path: 'strict.yml' }]);
  });

  it('uses every input it declares, and the README documents each', async () => {
    const { inputs, runs } = await action();
    const text = JSON.stringify(runs);
    const readme = await readFile(path.join(projectRoot, 'README.md'), 'utf8');
    for (const name of Object.keys(inputs)) {
      expect({
        name,
        used: text.includes(`inputs.${name} `) || text.includes(`inputs.${name}}`),
      }).toEqual({ name, used: true });
      expect({ name, documented: readme.includes(`| \`${name}\` |`) }).toEqual({
        name,
        documented: true,
      });
    }
  });
});
