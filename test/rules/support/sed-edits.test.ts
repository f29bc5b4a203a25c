import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnsible } from '../../../src/parsers/ansible/parse-ansible.js';
import { initShellParser } from '../../../src/parsers/shell/parse-shell.js';
import { sedEdits } from '../../../src/rules/support/sed-edits.js';

beforeAll(() => initShellParser());

/** `file: line` of each edit the commands of a play's tasks make. */
function edits(...commands: string[]): string[] {
  const tasks = commands.map((command) => `- ansible.builtin.command: ${JSON.stringify(command)}`);
  const parsed = parseAnsible('roles/x/tasks/main.yml', `${tasks.join('\n')}\n`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...sedEdits(parsed.model)].map(({ file, line }) => `${file}: ${line}`);
}

describe('the lines sed -i writes', () => {
  it('reads the replacement of an s command, with any delimiter and flags, into each file', () => {
    expect(
      edits(
        "sed -i 's/^PermitRootLogin no/PermitRootLogin yes/' /etc/ssh/sshd_config",
        "sed -i.bak -e 's|^Port .*|Port 2222|g' /etc/ssh/sshd_config /etc/ssh/sshd_config.d/x.conf",
        "sudo sed --in-place 's#^a#PermitRootLogin\\ yes\\/no#' /etc/ssh/sshd_config",
      ),
    ).toEqual([
      '/etc/ssh/sshd_config: PermitRootLogin yes',
      '/etc/ssh/sshd_config: Port 2222',
      '/etc/ssh/sshd_config.d/x.conf: Port 2222',
      '/etc/ssh/sshd_config: PermitRootLogin yes/no',
    ]);
  });

  it('reads nothing from edits that are not in place, not an s command, or put back what was matched', () => {
    expect(
      edits(
        "sed 's/^PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config",
        "sed -i '/^PermitRootLogin/d' /etc/ssh/sshd_config",
        "sed -i 's/^\\(PermitRootLogin\\).*/\\1 yes/' /etc/ssh/sshd_config",
        "sed -i 's/^PermitRootLogin.*/& # kept/' /etc/ssh/sshd_config",
        "sed -i 's/a/b/x' /etc/ssh/sshd_config",
      ),
    ).toEqual([]);
  });
});
