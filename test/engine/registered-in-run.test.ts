import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../src/engine/analyze.js';
import { insecureSshServer } from '../../src/rules/insecure-ssh-server/rule.js';
import { commandInjection } from '../../src/rules/command-injection/rule.js';
import type { Rule } from '../../src/rules/rule.js';

const CHECK =
  '- name: Check the daemon\n  ansible.builtin.command: sshd -t\n  register: sshd_check\n  failed_when: false\n';

const rootLogin = (when: string) =>
  `- name: Let root log in\n  ansible.builtin.lineinfile:\n    path: /etc/ssh/sshd_config\n    line: PermitRootLogin yes\n  when: ${when}\n`;

const include = (file: string, when: string) =>
  `- name: Include it\n  ansible.builtin.include_tasks: ${file}\n  when: ${when}\n`;

async function flagged(files: Record<string, string>, rule: Rule = insecureSshServer) {
  const list: SourceFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const result = await analyze(list, { rules: [rule] });
  expect(result.errors).toEqual([]);
  return result.findings.map((finding) => `${finding.path}:${finding.range.line}`);
}

describe('what a task of another file registered', () => {
  it('picks hosts, as a fact does, in a task file of the same role and of a later role', async () => {
    expect(
      await flagged({
        'roles/ssh/tasks/main.yml': `${CHECK}`,
        'roles/ssh/tasks/configure.yml': rootLogin('sshd_check.rc != 0'),
        'roles/db/tasks/main.yml': rootLogin('sshd_check is failed'),
      }),
    ).toEqual(['roles/db/tasks/main.yml:4', 'roles/ssh/tasks/configure.yml:4']);
  });

  it('leaves a flag beside it to decide', async () => {
    const files = {
      'roles/ssh/defaults/main.yml': 'ssh_lab: false\n',
      'roles/ssh/tasks/check.yml': CHECK,
      'roles/ssh/tasks/configure.yml': rootLogin('sshd_check.rc != 0 and ssh_lab | bool'),
    };
    expect(await flagged(files)).toEqual([]);
    expect(await flagged({ ...files, 'group_vars/lab.yml': 'ssh_lab: true\n' })).toEqual([
      'group_vars/lab.yml:1',
    ]);
  });

  it('decides, with the flags beside it, whether a task file it includes runs', async () => {
    const files = {
      'roles/ssh/defaults/main.yml': 'ssh_lab: false\n',
      'roles/ssh/tasks/check.yml': CHECK,
      'roles/ssh/tasks/main.yml': include('lab.yml', 'sshd_check.rc != 0 and ssh_lab | bool'),
      'roles/ssh/tasks/lab.yml': rootLogin("ansible_os_family == 'Debian'"),
    };
    // `ssh_lab` is off wherever it is set, so `lab.yml` never runs.
    expect(await flagged(files)).toEqual([]);
    expect(await flagged({ ...files, 'group_vars/lab.yml': 'ssh_lab: true\n' })).toEqual([
      'roles/ssh/tasks/lab.yml:4',
    ]);
  });

  it('is not known where the run does not hold the file that registers it', async () => {
    // An option somebody sets, as far as the run can tell: offered, not applied.
    expect(
      await flagged({ 'roles/ssh/tasks/configure.yml': rootLogin('sshd_check.rc != 0') }),
    ).toEqual([]);
  });

  it('is output a command may not take unquoted', async () => {
    expect(
      await flagged(
        {
          'roles/app/tasks/find.yml':
            '- name: Find the stale locks\n  ansible.builtin.command: find /var/lock/app -mmin +60\n  register: stale_locks\n',
          'roles/app/tasks/clean.yml':
            '- name: Remove them\n  ansible.builtin.shell: rm -f {{ stale_locks.stdout }}\n',
        },
        commandInjection,
      ),
    ).toEqual(['roles/app/tasks/clean.yml:2']);
  });
});
