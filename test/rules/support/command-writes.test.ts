import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnsible } from '../../../src/parsers/ansible/parse-ansible.js';
import { initShellParser } from '../../../src/parsers/shell/parse-shell.js';
import { commandWrites } from '../../../src/rules/support/command-writes.js';

beforeAll(() => initShellParser());

/** `file: text` of each write the commands of a role's tasks make. */
function writes(...commands: string[]): string[] {
  const tasks = commands.map((command) => `- ansible.builtin.command: ${JSON.stringify(command)}`);
  const parsed = parseAnsible('roles/x/tasks/main.yml', `${tasks.join('\n')}\n`);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...commandWrites(parsed.model)].map(({ file, text }) => `${file}: ${text}`);
}

describe('the lines sed -i writes', () => {
  it('reads the replacement of an s command, with any delimiter and flags, into each file', () => {
    expect(
      writes(
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
      writes(
        "sed 's/^PermitRootLogin.*/PermitRootLogin yes/' /etc/ssh/sshd_config",
        "sed -i '/^PermitRootLogin/d' /etc/ssh/sshd_config",
        "sed -i 's/^\\(PermitRootLogin\\).*/\\1 yes/' /etc/ssh/sshd_config",
        "sed -i 's/^PermitRootLogin.*/& # kept/' /etc/ssh/sshd_config",
        "sed -i 's/a/b/x' /etc/ssh/sshd_config",
      ),
    ).toEqual([]);
  });
});

describe('the text a command prints into a file', () => {
  it('reads echo, printf and a here-document written, appended or piped into tee', () => {
    expect(
      writes(
        'echo "PermitRootLogin yes" >> /etc/ssh/sshd_config',
        "sudo echo -e 'Port 22\\nPermitRootLogin yes' > /etc/ssh/sshd_config.d/10.conf 2>/dev/null",
        "printf 'kernel.randomize_va_space = 0\\n' | sudo tee -a /etc/sysctl.d/99-aslr.conf",
        'cat > /etc/ssh/sshd_config.d/20.conf <<EOF\nPasswordAuthentication yes\nEOF',
        'tee /etc/ssh/sshd_config.d/30.conf <<EOF\nPermitEmptyPasswords yes\nEOF',
        'test -d /etc/ssh && echo "UsePAM no" >> /etc/ssh/sshd_config',
      ),
    ).toEqual([
      '/etc/ssh/sshd_config: PermitRootLogin yes',
      '/etc/ssh/sshd_config.d/10.conf: Port 22\nPermitRootLogin yes',
      '/etc/sysctl.d/99-aslr.conf: kernel.randomize_va_space = 0\n',
      '/etc/ssh/sshd_config.d/20.conf: PasswordAuthentication yes\n',
      '/etc/ssh/sshd_config.d/30.conf: PermitEmptyPasswords yes\n',
      '/etc/ssh/sshd_config: UsePAM no',
    ]);
  });

  it('reads nothing from errors, reads, printf conversions or commands whose output it cannot know', () => {
    expect(
      writes(
        'echo "PermitRootLogin yes" 2> /etc/ssh/sshd_config',
        'echo "PermitRootLogin yes" < /etc/ssh/sshd_config',
        'printf \'%s\\n\' "PermitRootLogin yes" > /etc/ssh/sshd_config',
        'grep PermitRootLogin /etc/ssh/sshd_config > /tmp/found',
        'echo "PermitRootLogin yes" | grep -q yes',
        // What reaches the file is the last command's output.
        'echo "PermitRootLogin yes" | sed s/yes/no/ > /etc/ssh/sshd_config',
        '{ echo "PermitRootLogin yes"; } > /etc/ssh/sshd_config.d/40.conf',
      ),
    ).toEqual([]);
  });
});
