/**
 * A key written twice in one YAML mapping. PyYAML, and so Ansible, keeps the last value (Hiera's
 * Psych does the same); Posture must judge that value, or a safe value written first would hide
 * the one that takes effect.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';

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

  it('takes a merged key from the mapping earlier in a `<<` list, as PyYAML does', () => {
    const task = (merges: string) =>
      [
        '- name: download',
        '  ansible.builtin.get_url:',
        `    <<: ${merges}`,
        '    url: https://example.com/a',
        '    dest: /opt/a',
      ].join('\n');
    const content = [
      '- name: anchors',
      '  ansible.builtin.set_fact:',
      '    secure: &secure {validate_certs: true}',
      '    insecure: &insecure {validate_certs: false}',
      task('[*secure, *insecure]'),
      task('[*insecure, *secure]'),
      '',
    ].join('\n');
    const outcome = parseAnsible('roles/web/tasks/main.yml', content);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const verified = outcome.model.units
      .filter((unit) => unit.type === 'get_url')
      .map((unit) =>
        unit.attributes
          .filter((attribute) => attribute.name === 'validate_certs')
          .map((attribute) => attribute.value.value),
      );
    expect(verified).toEqual([[true], [false]]);
  });
});
