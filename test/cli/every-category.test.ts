import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { runCaptured } from './support/run-captured.js';

const ROOT = new URL('../fixtures/every-category/', import.meta.url).pathname;

describe('posture scan --format json on an Ansible tree', () => {
  it('reports every category on its exact line, and nothing on templated, vaulted or looked-up values', async () => {
    const run = await runCaptured(['scan', '.', '--format', 'json'], ROOT);
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<{ path: string; line: number; category: string }>; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.category}`)).toEqual([
      'group_vars/all.yml:2 admin-by-default',
      'group_vars/all.yml:3 hard-coded-secret',
      'group_vars/all.yml:4 empty-password',
      'group_vars/all.yml:5 invalid-ip-binding',
      'roles/web/tasks/main.yml:2 suspicious-comment',
      'roles/web/tasks/main.yml:5 http-without-tls',
      'roles/web/tasks/main.yml:7 tls-verification-disabled',
      'roles/web/tasks/main.yml:8 weak-crypto',
      'roles/web/tasks/main.yml:11 missing-integrity-check',
      'roles/web/tasks/main.yml:20 insecure-file-permissions',
      'roles/web/tasks/main.yml:23 pipe-to-shell',
      'roles/web/tasks/main.yml:29 unsigned-package-source',
      'roles/web/tasks/main.yml:32 security-control-disabled',
      'roles/web/tasks/main.yml:38 sudo-nopasswd',
    ]);
    const reported = new Set(report.findings.map((finding) => finding.category));
    const ansibleCategories = RULES.filter((rule) => rule.meta.languages.includes('ansible')).map((rule) => rule.meta.category);
    expect(ansibleCategories.filter((category) => !reported.has(category))).toEqual([]);
  });
});
