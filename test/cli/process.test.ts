/**
 * The real executable, run from source with tsx as `npx tsx src/cli/main.ts` would, against
 * the real rule catalog: exit codes, stdout and stderr as a CI job sees them.
 */
import { execFile, spawn } from 'node:child_process';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { CLEAN_TASKS, INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
const entry = path.join(projectRoot, 'src', 'cli', 'main.ts');

interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

function posture(cwd: string, ...args: string[]): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [entry, ...args],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A tree of roles, each with a task that downloads insecurely: a long report. */
function rolesWithInsecureDownloads(count: number): Promise<string> {
  return tempTree(
    Object.fromEntries(
      Array.from({ length: count }, (_, index) => [
        `roles/r${index}/tasks/main.yml`,
        INSECURE_DOWNLOAD,
      ]),
    ),
  );
}

describe('posture executable', () => {
  it('exits 1 with JSON findings from the real catalog for an insecure download', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': INSECURE_DOWNLOAD });
    const run = await posture(root, 'scan', '--format', 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const found = report.findings.map(
      (finding) => `${finding.path}:${finding.line} ${finding.category} ${finding.severity}`,
    );
    expect(found).toEqual(
      expect.arrayContaining(['roles/web/tasks/main.yml:5 tls-verification-disabled high']),
    );
    // Over plain HTTP and without a checksum: one cause, one finding.
    expect(
      report.findings.find((finding) => finding.category === 'missing-integrity-check')?.message,
    ).toContain('over plain HTTP');
    expect(report.findings.map((finding) => finding.category)).not.toContain('http-without-tls');
    expect(report.errors).toEqual([]);
  });

  it('exits 0 with no findings for clean tasks, and skips node_modules and .git', async () => {
    const root = await tempTree({
      'roles/web/tasks/main.yml': CLEAN_TASKS,
      'node_modules/dep/roles/x/tasks/main.yml': INSECURE_DOWNLOAD,
      '.git/roles/x/tasks/main.yml': INSECURE_DOWNLOAD,
    });
    const run = await posture(root, 'scan', '.', '--format', 'json');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ findings: [], errors: [], policies: [] });
  });

  it('exits 2 with one line on stderr for a usage error', async () => {
    const root = await tempTree({});
    const run = await posture(root, 'scan', '--fail-on', 'severe');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'posture: invalid --fail-on value "severe"; expected one of critical, high, medium, low, none\n',
    });
  });

  it('suggests the command meant for a misspelt one', async () => {
    const run = await posture(await tempTree({}), 'scn');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'posture: unknown command: scn (did you mean "scan"?); run `posture --help`\n',
    });
  });

  it('exits 2 on a usage error with stderr on /dev/null, neither a pipe nor a file', async () => {
    const child = spawn(tsx, [entry, 'scan', '--fail-on', 'severe'], {
      cwd: await tempTree({}),
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  });

  it('writes its whole report to stdout redirected to a file', async () => {
    const root = await rolesWithInsecureDownloads(40);
    const reportFile = path.join(root, 'report.sarif');
    const handle = await open(reportFile, 'w');
    const child = spawn(tsx, [entry, 'scan', 'roles', '-f', 'sarif'], {
      cwd: root,
      stdio: ['ignore', handle.fd, 'pipe'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await handle.close();
    expect(code).toBe(1);
    const sarif = JSON.parse(await readFile(reportFile, 'utf8')) as {
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.runs[0]?.results.length).toBeGreaterThanOrEqual(40);
  });

  it('stops writing quietly when the reader of its output goes away, as `posture scan -f sarif | head` does, and keeps its exit code', async () => {
    const root = await rolesWithInsecureDownloads(40);
    const child = spawn(tsx, [entry, 'scan', '-f', 'sarif'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });
});
