import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/languages/parse-file.js';
import { optionHashesIn } from '../../../src/rules/support/option-hash-lines.js';

/** `format: lines` of each option hash a Puppet file (manifest or Hiera data) gives a module. */
function written(path: string, source: string): string[] {
  const parsed = parseFile(path, source, 'puppet');
  if (!parsed.ok) throw new Error(parsed.error.message);
  return [...optionHashesIn(parsed.model)].map(
    ({ hash, lines }) => `${hash.format}: ${lines.map((line) => line.text).join(' | ')}`,
  );
}

describe('the lines a module writes from an option hash', () => {
  it("writes a declaration's hash as saz/ssh does: blocks last, true as yes, an array line by line", () => {
    expect(
      written(
        'modules/profile/manifests/ssh.pp',
        [
          'class profile::ssh ($root = $ssh::root) {',
          "  class { '::ssh::server':",
          '    options => {',
          "      'Match User sftp'      => { 'ForceCommand' => 'internal-sftp' },",
          "      'PermitRootLogin'      => $root,",
          "      'PasswordAuthentication' => false,",
          "      'X11Forwarding'        => true,",
          "      'Port'                 => [22, 2222],",
          "      'Banner'               => '',",
          "      'MaxAuthTries'         => undef,",
          "      'AllowGroups'          => join(['a', 'b'], ' '),",
          "      'PermitTunnel'         => bool2str($tunnel, 'yes', 'no'),",
          '    },',
          '  }',
          '}',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      "sshd: PermitRootLogin ${root} | PasswordAuthentication no | X11Forwarding yes | Port 22 | Port 2222 | AllowGroups ${?} | PermitTunnel ${bool2str($tunnel, 'yes', 'no')} | Match User sftp | ForceCommand internal-sftp",
    ]);
  });

  it("reads the ssh class's client and server hashes and their Hiera keys", () => {
    expect(
      written(
        'data/common.yaml',
        [
          'ssh::server_options:',
          "  PermitRootLogin: 'no'",
          'ssh::client::options:',
          "  'Host *':",
          "    StrictHostKeyChecking: 'yes'",
          "ssh::server::options_absent: ['UseDNS']",
          'profile::ssh::options:',
          "  PermitRootLogin: 'yes'",
          'ssh::server::options_note:',
          '  PermitRootLogin: \'%{lookup("root")}\'',
          '',
        ].join('\n'),
      ),
    ).toEqual(['sshd: PermitRootLogin no', 'ssh: Host * | StrictHostKeyChecking yes']);
  });

  it("writes puppetlabs/mysql's hashes section by section, true and '' as the bare key", () => {
    expect(
      written(
        'data/common.yaml',
        [
          'mysql::server::override_options:',
          '  mysqld:',
          "    bind-address: '0.0.0.0'",
          '    skip-grant-tables: true',
          "    skip-name-resolve: ''",
          '    local-infile: false',
          '    max_connections: ~',
          '    plugin-load: [a.so, b.so]',
          '    ssl-disable: true',
          "    ssl-ca: '/etc/ca.pem'",
          '  client:',
          '    ssl: false',
          "    ssl-cert: '/etc/c.pem'",
          "    ssl_mode: 'REQUIRED'",
          "  bind-address: '0.0.0.0'",
          '',
        ].join('\n'),
      ),
    ).toEqual([
      'mysql: [mysqld] | bind-address = 0.0.0.0 | skip-grant-tables | skip-name-resolve | local-infile = false | plugin-load = a.so | plugin-load = b.so | [client] | ssl = false | ssl_mode = REQUIRED',
    ]);
  });

  it('leaves alone a class no known module declares, and a hash the file computes', () => {
    expect(
      written(
        'manifests/site.pp',
        [
          "class { 'sshd::server': options => { 'PermitRootLogin' => 'yes' } }",
          "class { 'ssh::server': options => $ssh_options }",
          '',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it("leaves Hiera's own interpolation unknown", () => {
    expect(
      written('data/nodes/a.yaml', "ssh::server_options:\n  PermitRootLogin: '%{root_login}'\n"),
    ).toEqual(['sshd: PermitRootLogin ${?}']);
  });
});
