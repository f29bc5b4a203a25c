import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

const SSHD_CONFIG = 'Port 22\nPermitRootLogin yes\n';

/** `path:line` of each insecure-ssh-server finding of a run. */
async function sshFindings(files: Record<string, string>): Promise<string[]> {
  const result = await analyze(Object.entries(files).map(([path, content]) => ({ path, content })));
  expect(result.errors).toEqual([]);
  return result.findings
    .filter((finding) => finding.ruleId === 'insecure-ssh-server')
    .map((finding) => `${finding.path}:${finding.range.line}`);
}

describe('a file the code puts on the host as it is', () => {
  it("is judged as what it lands as when a Puppet file resource's source names it", async () => {
    expect(
      await sshFindings({
        'modules/ssh/manifests/init.pp': [
          'class ssh {',
          "  file { '/etc/ssh/sshd_config':",
          "    source       => 'puppet:///modules/ssh/sshd.conf',",
          "    validate_cmd => '/usr/sbin/sshd -t -f %',",
          '  }',
          '}',
        ].join('\n'),
        'modules/ssh/files/sshd.conf': SSHD_CONFIG,
      }),
    ).toEqual(['modules/ssh/files/sshd.conf:2']);
  });

  it("is found in a module checked out under its repository's name, and from site.pp with file()", async () => {
    expect(
      await sshFindings({
        'modules/puppet-ssh/manifests/server.pp': [
          'class ssh::server {',
          "  file { '/etc/ssh/sshd_config':",
          "    source       => ['puppet:///modules/ssh/sshd.conf'],",
          "    validate_cmd => '/usr/sbin/sshd -t -f %',",
          '  }',
          '}',
        ].join('\n'),
        'modules/puppet-ssh/files/sshd.conf': SSHD_CONFIG,
        'manifests/site.pp': [
          'node default {',
          "  file { '/etc/ssh/sshd_config.d/50-site.conf':",
          "    content => file('site/sshd.conf'),",
          '  }',
          '}',
        ].join('\n'),
        'modules/site/files/sshd.conf': SSHD_CONFIG,
      }),
    ).toEqual(['modules/puppet-ssh/files/sshd.conf:2', 'modules/site/files/sshd.conf:2']);
  });

  it("is judged as what it lands as when a Chef cookbook_file puts it there, by its source or the destination's name", async () => {
    expect(
      await sshFindings({
        'cookbooks/ssh/metadata.rb': "name 'ssh'\n",
        'cookbooks/ssh/recipes/default.rb': [
          "cookbook_file '/etc/ssh/sshd_config' do",
          "  source 'sshd.conf'",
          "  verify '/usr/sbin/sshd -t -f %{path}'",
          'end',
          "cookbook_file '/etc/ssh/sshd_config.d/50-extra.conf' do",
          "  mode '0600'",
          'end',
        ].join('\n'),
        'cookbooks/ssh/files/default/sshd.conf': SSHD_CONFIG,
        'cookbooks/ssh/files/default/50-extra.conf': SSHD_CONFIG,
      }),
    ).toEqual([
      'cookbooks/ssh/files/default/50-extra.conf:2',
      'cookbooks/ssh/files/default/sshd.conf:2',
    ]);
  });

  it('is not judged as a configuration that no code puts anywhere', async () => {
    expect(
      await sshFindings({
        'modules/ssh/manifests/init.pp': "class ssh {\n  file { '/etc/motd': ensure => file }\n}\n",
        'modules/ssh/files/sshd.conf': SSHD_CONFIG,
      }),
    ).toEqual([]);
  });
});
