import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/engine/analyze.js';
import { insecureSshServer } from '../../../src/rules/insecure-ssh-server/rule.js';

/** Each finding of the SSH daemon rule as `path:line what it writes`. */
async function reviewed(files: Record<string, string>): Promise<string[]> {
  const list = Object.entries(files).map(([path, content]) => ({ path, content }));
  const result = await analyze(list, { rules: [insecureSshServer] });
  expect(result.errors).toEqual([]);
  return result.findings.map(
    (finding) =>
      `${finding.path}:${finding.range.line} ${/writes `([^`]*)`/.exec(finding.message)?.[1] ?? finding.message}`,
  );
}

describe('the settings a known module writes from an option hash', () => {
  it('writes a Boolean a variable gives an entry as the module does', async () => {
    expect(
      await reviewed({
        'site/profile/manifests/ssh.pp': [
          'class profile::ssh (Boolean $root = true) {',
          "  class { 'ssh::server': options => { 'PermitRootLogin' => $root } }",
          '}',
          '',
        ].join('\n'),
      }),
    ).toEqual(['site/profile/manifests/ssh.pp:1 PermitRootLogin yes']);
  });

  it('reads a hash handed over in a variable where each file sets it', async () => {
    expect(
      await reviewed({
        'site/profile/manifests/ssh.pp': [
          'class profile::ssh (',
          '  Hash $server = {},',
          ') {',
          "  $local = { 'Match User backup' => { 'PasswordAuthentication' => 'yes' } }",
          "  class { 'ssh::server': options => $local }",
          "  class { 'ssh': server_options => $server }",
          '}',
          '',
        ].join('\n'),
        'site/profile/data/common.yaml': [
          'profile::ssh::server:',
          "  PermitRootLogin: 'yes'",
          '  X11Forwarding: false',
          '',
        ].join('\n'),
      }),
    ).toEqual([
      'site/profile/data/common.yaml:2 PermitRootLogin yes',
      'site/profile/manifests/ssh.pp:4 PasswordAuthentication yes',
    ]);
  });
});
