import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../src/engine/analyze.js';
import { insecureSshServer } from '../../src/rules/insecure-ssh-server/rule.js';

const ROOT_LOGIN =
  '- name: Let root log in\n  ansible.builtin.lineinfile:\n    path: /etc/ssh/sshd_config\n    line: PermitRootLogin yes\n';

const include = (file: string, when?: string) =>
  `- name: Include it\n  ansible.builtin.include_tasks: ${file}\n${when ? `  when: ${when}\n` : ''}`;

async function flagged(files: Record<string, string>): Promise<string[]> {
  const list: SourceFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const result = await analyze(list, { rules: [insecureSshServer] });
  expect(result.errors).toEqual([]);
  return result.findings.map((finding) => `${finding.path}:${finding.range.line}`);
}

describe('a task file included only under flags', () => {
  it('is left out where every way to it needs a flag set off everywhere, and read otherwise', async () => {
    const files = {
      'roles/ssh/defaults/main.yml': 'ssh_lab: false\nssh_legacy: false\n',
      'roles/ssh/tasks/main.yml': include('lab.yml', 'ssh_lab | bool'),
      'roles/ssh/tasks/legacy.yml': include('lab.yml', 'ssh_legacy'),
      'roles/ssh/tasks/lab.yml': ROOT_LOGIN,
    };
    expect(await flagged(files)).toEqual([]);
    expect(await flagged({ ...files, 'roles/ssh/tasks/always.yml': include('lab.yml') })).toEqual([
      'roles/ssh/tasks/lab.yml:4',
    ]);
    expect(await flagged({ ...files, 'group_vars/lab.yml': 'ssh_legacy: true\n' })).toEqual([
      'roles/ssh/tasks/lab.yml:4',
    ]);
  });

  it('is read where its condition only picks hosts, is not read as flags, or tests a flag nothing sets', async () => {
    for (const when of [
      "ansible_os_family == 'Debian'",
      'result.rc != 0 or ssh_lab',
      'unknown_flag | bool',
    ])
      expect(
        await flagged({
          'roles/ssh/defaults/main.yml': 'ssh_lab: false\n',
          'roles/ssh/tasks/main.yml': include('lab.yml', when),
          'roles/ssh/tasks/lab.yml': ROOT_LOGIN,
        }),
      ).toEqual(['roles/ssh/tasks/lab.yml:4']);
  });

  it('is read as its includers are where the includes go round in a circle', async () => {
    expect(
      await flagged({
        'roles/ssh/tasks/main.yml': include('lab.yml'),
        'roles/ssh/tasks/lab.yml': `${ROOT_LOGIN}${include('main.yml', 'ssh_lab | bool')}`,
      }),
    ).toEqual(['roles/ssh/tasks/lab.yml:4']);
  });

  it('is read where a chain of includes runs longer than it follows, without running out of stack', async () => {
    const chain: Record<string, string> = {
      'roles/ssh/defaults/main.yml': 'ssh_lab: false\n',
      'roles/ssh/tasks/main.yml': include('t0.yml', 'ssh_lab | bool'),
    };
    for (let index = 0; index < 3000; index++)
      chain[`roles/ssh/tasks/t${index}.yml`] = include(`t${index + 1}.yml`);
    chain['roles/ssh/tasks/t3000.yml'] = ROOT_LOGIN;
    expect(await flagged(chain)).toEqual(['roles/ssh/tasks/t3000.yml:4']);
  });
});
