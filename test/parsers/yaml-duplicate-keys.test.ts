/**
 * A key written twice in one YAML mapping. PyYAML, and so Ansible, keeps the last value (Hiera's
 * Psych does the same); Posture must judge that value, or a safe value written first would hide
 * the one that takes effect.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

async function findings(path: string, content: string): Promise<string[]> {
  const result = await analyze([{ path, content }]);
  expect(result.errors).toEqual([]);
  return result.findings.map((finding) => `${finding.range.line} ${finding.ruleId}`);
}

function lineinfile(first: string, second: string): string {
  return [
    '- name: sshd',
    '  ansible.builtin.lineinfile:',
    '    path: /etc/ssh/sshd_config',
    `    line: ${first}`,
    `    line: ${second}`,
    "    validate: '/usr/sbin/sshd -t -f %s'",
    '',
  ].join('\n');
}

describe('a YAML key written twice', () => {
  it('is judged by its last value in a task', async () => {
    const tasks = 'roles/ssh/tasks/main.yml';
    expect(await findings(tasks, lineinfile('PermitRootLogin no', 'PermitRootLogin yes'))).toEqual([
      '5 insecure-ssh-server',
    ]);
    expect(await findings(tasks, lineinfile('PermitRootLogin yes', 'PermitRootLogin no'))).toEqual(
      [],
    );
  });

  it('is judged by its last value in role defaults', async () => {
    const defaults = 'roles/app/defaults/main.yml';
    const vault = 'app_password: "{{ vault_app_password }}"';
    const literal = 'app_password: "hunter2hunter2"';
    expect(await findings(defaults, `${vault}\n${literal}\n`)).toEqual(['2 hard-coded-secret']);
    expect(await findings(defaults, `${literal}\n${vault}\n`)).toEqual([]);
  });
});
