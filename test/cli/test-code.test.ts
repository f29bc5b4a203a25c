/**
 * Findings in test and example code, which the policy reports apart: listed, marked, never
 * counted towards the exit code, an annotation or a baseline.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const TEST_PLAYBOOK =
  '- hosts: all\n  tasks:\n    - name: x\n      get_url:\n        url: https://example.com/a.tgz\n        dest: /tmp/a.tgz\n        validate_certs: no\n';

describe('posture scan and test code', () => {
  it('reports findings in test code apart and passes', async () => {
    const root = await tempTree({ 'roles/web/tests/test.yml': TEST_PLAYBOOK });
    const json = await runCaptured(['scan', '--format', 'json'], root);
    expect(json.exitCode).toBe(0);
    const findings = (JSON.parse(json.stdout) as JsonReport).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.context])).toContainEqual([
      'tls-verification-disabled',
      'test',
    ]);
    const text = await runCaptured(['scan'], root);
    expect(text.stdout).toMatch(/ {2}7:\d+ +test {2}tls-verification-disabled {2}/);
    expect(text.stdout).toContain(
      `0 findings (0 critical, 0 high, 0 medium, 0 low), ${findings.length} in test code,`,
    );
    const github = await runCaptured(['scan', '-f', 'github'], root);
    expect(github.stdout).not.toContain('::');
    await runCaptured(['scan', '--write-baseline', 'b.json'], root);
    expect(JSON.parse(await readFile(path.join(root, 'b.json'), 'utf8'))).toEqual({
      version: 1,
      findings: [],
    });
  });
});
