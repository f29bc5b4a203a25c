/**
 * Ansible's vars plugin loads the files of `group_vars/` and `host_vars/` that have `.yml`,
 * `.yaml`, `.json` or no extension, all as YAML. Posture reads them all: a secret moved into
 * `group_vars/all` or `host_vars/web1.json` is a finding, never a file passed over.
 */
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { runCaptured } from './support/run-captured.js';
import { tempTree } from './support/temp-tree.js';

describe('vars files without a YAML extension', () => {
  it('are read as YAML vars, and their literal secrets fail the scan', async () => {
    const root = await tempTree({
      'group_vars/all': 'db_password: hunter2hunter2\n',
      'host_vars/web1.json': '{"api_token": "s3cr3tT0kenValue"}\n',
      'group_vars/web/settings': 'http_port: 8080\n',
    });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => `${finding.path} ${finding.ruleId}`)).toEqual([
      'group_vars/all hard-coded-secret',
      'host_vars/web1.json hard-coded-secret',
    ]);
    expect(report.errors).toEqual([]);
    expect(run.exitCode).toBe(1);
  });

  it('leave an extensionless inventory beside them to the INI reader', async () => {
    const root = await tempTree({
      'inventory/hosts': '[web]\nweb1 ansible_host=10.0.0.5\n',
      'group_vars/all': 'ntp_server: pool.ntp.org\n',
    });
    const run = await runCaptured(['scan', '--format', 'json'], root);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.errors).toEqual([]);
    expect(run.exitCode).toBe(0);
  });
});
