import { cp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

const FIXTURE = new URL('../fixtures/every-category/', import.meta.url).pathname;

/**
 * The fixture as a repository of its own: inside Posture's repository it sits under `test/`,
 * which makes it test code, reported apart.
 */
async function fixtureRepository(): Promise<string> {
  const root = await tempTree({});
  await cp(FIXTURE, root, { recursive: true });
  await mkdir(path.join(root, '.git'));
  return root;
}

describe('posture scan --format json --profile glitch on an Ansible tree', () => {
  it('reports every category on its exact line, and nothing on templated, vaulted or looked-up values', async () => {
    const run = await runCaptured(
      ['scan', '.', '--format', 'json', '--profile', 'glitch'],
      await fixtureRepository(),
    );
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as {
      findings: Array<{ path: string; line: number; category: string }>;
      errors: unknown[];
    };
    expect(report.errors).toEqual([]);
    expect(
      report.findings.map((finding) => `${finding.path}:${finding.line} ${finding.category}`),
    ).toEqual([
      'group_vars/all.yml:2 admin-by-default',
      'group_vars/all.yml:3 hard-coded-secret',
      'group_vars/all.yml:4 empty-password',
      'group_vars/all.yml:5 invalid-ip-binding',
      'group_vars/all.yml:10 ssh-host-key-checking-disabled',
      'roles/web/tasks/main.yml:2 suspicious-comment',
      'roles/web/tasks/main.yml:5 http-without-tls',
      'roles/web/tasks/main.yml:7 tls-verification-disabled',
      'roles/web/tasks/main.yml:8 weak-crypto',
      'roles/web/tasks/main.yml:11 missing-integrity-check',
      'roles/web/tasks/main.yml:20 insecure-file-permissions',
      'roles/web/tasks/main.yml:23 pipe-to-shell',
      'roles/web/tasks/main.yml:29 unsigned-package-source',
      'roles/web/tasks/main.yml:33 security-control-disabled',
      'roles/web/tasks/main.yml:38 sudo-nopasswd',
      'roles/web/tasks/main.yml:44 privileged-account',
      'roles/web/tasks/main.yml:49 kernel-hardening-disabled',
      'roles/web/tasks/main.yml:54 config-deployed-without-validation',
      'roles/web/tasks/main.yml:58 legacy-network-service',
      'roles/web/tasks/main.yml:63 sensitive-file-permissions',
      'roles/web/tasks/main.yml:76 privileged-container',
      'roles/web/tasks/main.yml:81 cleartext-transmission',
      'roles/web/tasks/main.yml:85 admin-by-default',
      'roles/web/tasks/main.yml:85 secret-exposure',
      'roles/web/tasks/main.yml:88 missing-integrity-check',
      'roles/web/tasks/main.yml:90 unsafe-file-operation',
      'roles/web/tasks/main.yml:95 network-exposure',
      'roles/web/tasks/main.yml:101 unencrypted-storage',
      'roles/web/tasks/main.yml:102 public-cloud-exposure',
      'roles/web/tasks/main.yml:105 unpinned-dependency',
      'roles/web/tasks/main.yml:114 command-injection',
      'roles/web/tasks/main.yml:119 privilege-escalation',
      'roles/web/templates/nginx.conf.j2:3 web-server-hardening',
      'roles/web/templates/pam.d/common-auth.j2:1 weak-authentication-policy',
      'roles/web/templates/redis.conf.j2:2 database-without-authentication',
      'roles/web/templates/sshd_config.j2:2 insecure-ssh-server',
    ]);
    const reported = new Set(report.findings.map((finding) => finding.category));
    // Opt-in rules run only when a policy turns them on; every other category must show.
    const ansibleCategories = RULES.filter(
      (rule) => rule.meta.languages.includes('ansible') && !rule.meta.optIn,
    ).map((rule) => rule.meta.category);
    expect(ansibleCategories.filter((category) => !reported.has(category))).toEqual([]);
  });
});
