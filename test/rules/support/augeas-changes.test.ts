import { describe, expect, it } from 'vitest';
import { parsePuppet } from '../../../src/parsers/puppet/parse-puppet.js';
import { augeasSettings } from '../../../src/rules/support/augeas-changes.js';

/** `format name=value` of each setting the manifest's augeas resources write. */
function settings(manifest: string): string[] {
  const parsed = parsePuppet('manifests/init.pp', manifest);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.model.units.flatMap((unit) =>
    [...augeasSettings(unit, 'puppet')].map(
      ({ spec, name, value }) => `${spec.format} ${name}=${String(value.value)}`,
    ),
  );
}

const augeas = (attributes: string) => `augeas { 'x':\n${attributes}\n}\n`;

describe('the settings an augeas resource writes', () => {
  it('reads each set of one node under the context, in a list or a string of lines', () => {
    expect(
      settings(
        augeas(
          "  context => '/files/etc/ssh/sshd_config/',\n  changes => ['set PermitRootLogin yes', 'set Port \"2222\"'],",
        ) +
          augeas(
            "  context => '/files/etc/sysctl.conf',\n  changes => \"set kernel.randomize_va_space 0\\nrm net.ipv4.ip_forward\\nset net.ipv4.tcp_syncookies '0'\",",
          ),
      ),
    ).toEqual([
      'sshd PermitRootLogin=yes',
      'sshd Port=2222',
      'sysctl kernel.randomize_va_space=0',
      'sysctl net.ipv4.tcp_syncookies=0',
    ]);
  });

  it('reads a path written from the root of the tree, with no context, or into the file incl names', () => {
    expect(
      settings(
        augeas(
          "  incl    => '/etc/ssh/sshd_config',\n  lens    => 'Sshd.lns',\n  changes => ['set /files/etc/ssh/sshd_config/PermitEmptyPasswords yes', 'set /files/etc/ssh/ssh_config/Host yes'],",
        ),
      ),
    ).toEqual(['sshd PermitEmptyPasswords=yes']);
    expect(
      settings(augeas("  changes => ['set /files/etc/ssh/sshd_config/PermitRootLogin yes'],")),
    ).toEqual(['sshd PermitRootLogin=yes']);
  });

  it('reads a value from a variable as the variable, to be followed where it is set', () => {
    const parsed = parsePuppet(
      'manifests/init.pp',
      augeas(
        '  context => \'/files/etc/ssh/sshd_config\',\n  changes => "set PermitRootLogin ${root_login}",',
      ),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [setting] = parsed.model.units.flatMap((unit) => [...augeasSettings(unit, 'puppet')]);
    expect(setting?.value).toMatchObject({ value: '${root_login}', dynamic: true });
  });

  it('reads nothing of nested nodes, other commands, formats whose nodes are not settings, or files it cannot name', () => {
    expect(
      settings(
        augeas(
          "  context => '/files/etc/ssh/sshd_config',\n  changes => ['set Match[1]/Settings/PermitRootLogin yes', 'clear PermitRootLogin', 'set spec[1] x y'],",
        ) +
          augeas("  context => '/files/etc/sudoers',\n  changes => ['set Defaults !requiretty'],") +
          augeas(
            '  context => "/files${sshd_config}",\n  changes => [\'set PermitRootLogin yes\'],',
          ) +
          augeas("  changes => ['set PermitRootLogin yes'],"),
      ),
    ).toEqual([]);
  });
});
