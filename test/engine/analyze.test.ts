import { describe, expect, it } from 'vitest';
import { analyze, MAX_FILE_BYTES } from '../../src/engine/analyze.js';

describe('analyze', () => {
  it('finds, sorts and attributes findings to their files', async () => {
    const result = await analyze([
      {
        path: 'roles/b/tasks/main.yml',
        content:
          '- get_url:\n    url: http://example.com/a.tgz\n    dest: /tmp/a\n    validate_certs: no\n',
      },
      { path: 'group_vars/all.yml', content: 'db_password: hunter2hunter2\n' },
      { path: 'README.md', content: '# not analysed\n' },
    ]);
    expect(result.analyzed.map((file) => file.path)).toEqual([
      'roles/b/tasks/main.yml',
      'group_vars/all.yml',
    ]);
    expect(
      result.findings.map((finding) => `${finding.path}:${finding.range.line}:${finding.ruleId}`),
    ).toEqual([
      'group_vars/all.yml:1:hard-coded-secret',
      // One cause, one finding: an unverified download over HTTP is missing-integrity-check's.
      'roles/b/tasks/main.yml:1:missing-integrity-check',
      'roles/b/tasks/main.yml:3:predictable-temp-file',
      'roles/b/tasks/main.yml:4:tls-verification-disabled',
    ]);
    expect(result.errors).toEqual([]);
  });

  it("reads a YAML file no language claims as Ansible when a play's vars_files names it", async () => {
    const secrets = 'db_password: hunter2hunter2\n';
    const result = await analyze([
      { path: 'deploy.yml', content: '- hosts: db\n  vars_files: [config/db.yml]\n  tasks: []\n' },
      { path: 'config/db.yml', content: secrets },
      { path: 'config/unnamed.yml', content: secrets },
    ]);
    expect(result.analyzed).toEqual([
      { path: 'deploy.yml', language: 'ansible' },
      { path: 'config/db.yml', language: 'ansible' },
    ]);
    expect(result.findings.map((finding) => `${finding.path}:${finding.ruleId}`)).toEqual([
      'config/db.yml:hard-coded-secret',
    ]);
  });

  it('reports an oversized file as an error without parsing it', async () => {
    const content = `x: "${'a'.repeat(MAX_FILE_BYTES)}"\n`;
    const result = await analyze([{ path: 'vars/big.yml', content }]);
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([
      {
        path: 'vars/big.yml',
        kind: 'too-large',
        message: expect.stringMatching(
          /^file is 2\.0 MiB; Posture analyses files up to 2 MiB$/,
        ) as unknown,
      },
    ]);
  });

  it('reports a broken file and carries on with the rest', async () => {
    const result = await analyze([
      { path: 'tasks/broken.yml', content: '- name: x\n  shell: [unclosed\n' },
      { path: 'tasks/ok.yml', content: '- shell: curl https://get.example.com | sh\n' },
    ]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('tasks/broken.yml');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['pipe-to-shell']);
  });
});
