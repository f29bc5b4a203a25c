import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import type { SarifLog } from '../../src/report/sarif.js';
import { runCaptured } from './support/run-captured.js';
import { INSECURE_DOWNLOAD, tempTree } from './support/temp-tree.js';
import { TEST_RULES } from './support/test-rules.js';

const TASKS = 'roles/web/tasks/main.yml';

async function scanJson(cwd: string, ...args: string[]) {
  const run = await runCaptured(['scan', '--format', 'json', ...args], cwd, { rules: TEST_RULES });
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

const statuses = (report: JsonReport) =>
  report.findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.status ?? 'open'}`);

describe('posture scan --write-baseline and --baseline', () => {
  it('writes the open findings by fingerprint, and the run that writes them passes', async () => {
    const root = await tempTree({ [TASKS]: INSECURE_DOWNLOAD });
    const written = await scanJson(root, '--write-baseline', 'posture-baseline.json');
    expect(written.exitCode).toBe(0);
    expect(statuses(written.report)).toEqual(['5 test-tls-off baselined']);
    expect(written.report.baseline).toEqual({
      file: 'posture-baseline.json',
      accepted: 1,
      unmatched: 0,
    });
    const sarif = JSON.parse(
      (await runCaptured(['scan', '-f', 'sarif'], root, { rules: TEST_RULES })).stdout,
    ) as SarifLog;
    expect(JSON.parse(await readFile(path.join(root, 'posture-baseline.json'), 'utf8'))).toEqual({
      version: 1,
      findings: [
        {
          fingerprint: sarif.runs[0].results[0]?.partialFingerprints['postureFingerprint/v1'],
          ruleId: 'test-tls-off',
          path: TASKS,
          line: 5,
          message: 'certificate validation is off',
        },
      ],
    });
  });

  it('accepts what the baseline lists, wherever it moved, and fails on what is new', async () => {
    const root = await tempTree({ [TASKS]: INSECURE_DOWNLOAD });
    await scanJson(root, '--write-baseline', 'b.json');
    const unchanged = await scanJson(root, '--baseline', 'b.json');
    expect(unchanged.exitCode).toBe(0);
    expect(statuses(unchanged.report)).toEqual(['5 test-tls-off baselined']);

    const moved = `- name: first\n  debug:\n    msg: hi\n${INSECURE_DOWNLOAD}`;
    await writeFile(path.join(root, TASKS), moved);
    expect(statuses((await scanJson(root, '--baseline', 'b.json')).report)).toEqual([
      '8 test-tls-off baselined',
    ]);

    await writeFile(path.join(root, TASKS), `${moved}${INSECURE_DOWNLOAD}`);
    const grown = await scanJson(root, '--baseline', 'b.json');
    expect(grown.exitCode).toBe(1);
    expect(statuses(grown.report)).toEqual(['8 test-tls-off baselined', '13 test-tls-off open']);
  });

  it('counts baseline entries that match nothing any more', async () => {
    const root = await tempTree({ [TASKS]: INSECURE_DOWNLOAD });
    await scanJson(root, '--write-baseline', 'b.json');
    await writeFile(
      path.join(root, TASKS),
      INSECURE_DOWNLOAD.replace('validate_certs: no', 'validate_certs: yes'),
    );
    const fixed = await scanJson(root, '--baseline', 'b.json');
    expect(fixed.report.baseline).toEqual({ file: 'b.json', accepted: 0, unmatched: 1 });
    const text = await runCaptured(['scan', '--baseline', 'b.json'], root, { rules: TEST_RULES });
    expect(text.stdout).toContain(
      'Baseline b.json: 0 findings accepted; 1 entry no longer matches anything.\n',
    );
  });

  it('refuses a baseline it cannot read or that is not one', async () => {
    const root = await tempTree({
      [TASKS]: INSECURE_DOWNLOAD,
      'bad.json': '{"version": 1, "findings": [{"fingerprint": "abc"}]}',
      'text.txt': 'hello',
    });
    expect(
      await runCaptured(['scan', '--baseline', 'missing.json'], root, { rules: TEST_RULES }),
    ).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: 'posture: cannot read baseline missing.json: ENOENT no such file or directory\n',
    });
    expect(
      (await runCaptured(['scan', '--baseline', 'bad.json'], root, { rules: TEST_RULES })).stderr,
    ).toBe(
      'posture: baseline bad.json is not a Posture baseline: findings[0].fingerprint must be <sha256>:<n>; write one with --write-baseline\n',
    );
    expect(
      (await runCaptured(['scan', '--baseline', 'text.txt'], root, { rules: TEST_RULES })).stderr,
    ).toMatch(/^posture: baseline text\.txt is not JSON: /);
  });
});
