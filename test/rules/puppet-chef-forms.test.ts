/**
 * Puppet and Chef forms that apply a setting a rule exists to catch, written in ordinary,
 * documented syntax, each once missed: `git config` and `Chef::Config` switches, settings in an
 * `environment`, an INI writer's key, Hiera keys of Forge classes, `Sensitive()` literals. Each
 * test is one checkout (a module or a cookbook) and the one finding it should produce: the rule
 * and the line.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

const METADATA = { 'cookbooks/app/metadata.rb': "name 'app'\nversion '1.0.0'\n" };

/** `path:line` of every finding of `ruleId` in the files analysed as one checkout. */
async function flagged(files: Record<string, string>, ruleId: string): Promise<string[]> {
  const result = await analyze(Object.entries(files).map(([path, content]) => ({ path, content })));
  expect(result.errors).toEqual([]);
  return result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.path}:${finding.range.line}`);
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

describe('tls-verification-disabled', () => {
  it('flags `git config --system http.sslVerify false` in a Puppet exec', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  exec { 'git no verify':",
        "    command => '/usr/bin/git config --system http.sslVerify false',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'modules/m/manifests/init.pp:3',
    );
  });

  it('flags `git config --global http.sslVerify false` in a Chef execute', async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "execute 'git no verify' do",
        "  command 'git config --global http.sslVerify false'",
        'end',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'cookbooks/app/recipes/default.rb:2',
    );
  });

  it("flags GIT_SSL_NO_VERIFY in a Puppet exec's environment", async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  exec { 'clone':",
        "    command     => '/usr/bin/git clone https://git.example.com/app.git /opt/app',",
        "    environment => ['GIT_SSL_NO_VERIFY=1'],",
        "    creates     => '/opt/app',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'modules/m/manifests/init.pp:4',
    );
  });

  it("flags GIT_SSL_NO_VERIFY in a Chef execute's environment", async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "execute 'clone' do",
        "  command 'git clone https://git.example.com/app.git /opt/app'",
        "  environment 'GIT_SSL_NO_VERIFY' => '1'",
        "  creates '/opt/app'",
        'end',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'cookbooks/app/recipes/default.rb:3',
    );
  });

  it('flags `Chef::Config[:ssl_verify_mode] = :verify_none` in a recipe', async () => {
    // The index form of `Chef::Config.ssl_verify_mode = :verify_none`.
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines('Chef::Config[:ssl_verify_mode] = :verify_none'),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'cookbooks/app/recipes/default.rb:1',
    );
  });

  it('flags `http.verify_mode = OpenSSL::SSL::VERIFY_NONE` in a ruby_block', async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "ruby_block 'notify' do",
        '  block do',
        "    http = Net::HTTP.new('hooks.example.com', 443)",
        '    http.use_ssl = true',
        '    http.verify_mode = OpenSSL::SSL::VERIFY_NONE',
        "    http.post('/deploy', 'x')",
        '  end',
        'end',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'cookbooks/app/recipes/default.rb:5',
    );
  });

  it('flags sslverify=0 written into yum.conf with ini_setting', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  ini_setting { 'yum sslverify':",
        '    ensure  => present,',
        "    path    => '/etc/yum.conf',",
        "    section => 'main',",
        "    setting => 'sslverify',",
        "    value   => '0',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'tls-verification-disabled')).toContain(
      'modules/m/manifests/init.pp:7',
    );
  });
});

describe('sudo-nopasswd', () => {
  it("flags Chef's sudo resource with nopasswd true and commands left at its default ['ALL']", async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "sudo 'deploy' do",
        "  user 'deploy'",
        '  nopasswd true',
        'end',
      ),
    };
    const found = await flagged(files, 'sudo-nopasswd');
    expect(found.length).toBe(1);
    expect(found[0]).toMatch(/^cookbooks\/app\/recipes\/default\.rb:[13]$/);
  });
});

describe('insecure-ssh-server', () => {
  it("flags the openssh cookbook's permit_root_login attribute set to 'yes'", async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/attributes/default.rb': lines(
        "default['openssh']['server']['permit_root_login'] = 'yes'",
      ),
      'cookbooks/app/recipes/default.rb': lines("include_recipe 'openssh'"),
    };
    expect(await flagged(files, 'insecure-ssh-server')).toContain(
      'cookbooks/app/attributes/default.rb:1',
    );
  });

  it('flags PermitRootLogin yes written into sshd_config with ini_setting', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  ini_setting { 'sshd root':",
        '    ensure            => present,',
        "    path              => '/etc/ssh/sshd_config',",
        "    section           => '',",
        "    setting           => 'PermitRootLogin',",
        "    value             => 'yes',",
        "    key_val_separator => ' ',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'insecure-ssh-server')).toContain('modules/m/manifests/init.pp:7');
  });
});

describe('security-control-disabled', () => {
  it('flags `selinux::mode: disabled` in Hiera for an included selinux class', async () => {
    // What `class { 'selinux': mode => 'disabled' }` does, through automatic parameter lookup.
    const files = {
      'site/profile/manifests/base.pp': lines('class profile::base {', '  include selinux', '}'),
      'data/common.yaml': lines('---', 'selinux::mode: disabled'),
    };
    expect(await flagged(files, 'security-control-disabled')).toContain('data/common.yaml:2');
  });

  it('flags `ufw --force disable`', async () => {
    // The non-interactive form of `ufw disable`.
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  exec { 'ufw off':",
        "    command => '/usr/sbin/ufw --force disable',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'security-control-disabled')).toContain(
      'modules/m/manifests/init.pp:3',
    );
  });
});

describe('sensitive-file-permissions', () => {
  it('flags a Puppet file resource with an array of titles that includes /etc/shadow', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  file { ['/etc/shadow', '/etc/gshadow']:",
        "    mode => '0644',",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'sensitive-file-permissions')).toContain(
      'modules/m/manifests/init.pp:3',
    );
  });
});

describe('pipe-to-shell', () => {
  it('flags a Chef command piping a download into sh when the URL attribute is set elsewhere', async () => {
    // As the Puppet form, `"curl -sSL ${installer_url} | sh"` with an unset parameter, is.
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "execute 'install' do",
        "  command \"curl -sSL #{node['app']['installer']} | sh\"",
        'end',
      ),
    };
    expect(await flagged(files, 'pipe-to-shell')).toContain('cookbooks/app/recipes/default.rb:2');
  });

  it('flags a Puppet exec whose command array runs sh -c with a download piped into sh', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  exec { 'install':",
        "    command => ['/bin/sh', '-c', 'curl -sSL https://get.example.com/install.sh | sh'],",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'pipe-to-shell')).toContain('modules/m/manifests/init.pp:3');
  });
});

describe('insecure-file-permissions', () => {
  it('flags a Chef mode written as a Ruby 0o octal literal', async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines("directory '/srv/up' do", '  mode 0o777', 'end'),
    };
    expect(await flagged(files, 'insecure-file-permissions')).toContain(
      'cookbooks/app/recipes/default.rb:2',
    );
  });
});

describe('setuid-file', () => {
  it('flags a Chef setuid mode written as a Ruby 0o octal literal', async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "file '/usr/local/bin/helper' do",
        '  mode 0o4755',
        'end',
      ),
    };
    expect(await flagged(files, 'setuid-file')).toContain('cookbooks/app/recipes/default.rb:2');
  });
});

describe('hard-coded-secret', () => {
  it("flags a literal wrapped in Puppet's Sensitive()", async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  mysql::db { 'app':",
        "    user     => 'app',",
        "    password => Sensitive('Vw9kq2LzpR4x'),",
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'hard-coded-secret')).toContain('modules/m/manifests/init.pp:4');
  });

  it('flags a literal in a Puppet variable that a resource takes as its password', async () => {
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m {',
        "  $pw = 'Vw9kq2LzpR4x'",
        "  user { 'deploy':",
        '    password => $pw,',
        '  }',
        '}',
      ),
    };
    expect(await flagged(files, 'hard-coded-secret')).toContain('modules/m/manifests/init.pp:2');
  });

  it('flags a literal in a Chef local variable that a resource takes as its password', async () => {
    const files = {
      ...METADATA,
      'cookbooks/app/recipes/default.rb': lines(
        "pw = 'Vw9kq2LzpR4x'",
        "user 'deploy' do",
        '  password pw',
        'end',
      ),
    };
    expect(await flagged(files, 'hard-coded-secret')).toContain(
      'cookbooks/app/recipes/default.rb:1',
    );
  });
});

describe('empty-password', () => {
  it('flags an empty Hiera value that a user resource takes as its password', async () => {
    // As the same '' given as the parameter's default is.
    const files = {
      'modules/m/manifests/init.pp': lines(
        'class m (',
        '  String $pw,',
        ') {',
        "  user { 'deploy':",
        '    password => $pw,',
        '  }',
        '}',
      ),
      'modules/m/data/common.yaml': lines('---', "m::pw: ''"),
    };
    expect(await flagged(files, 'empty-password')).toContain('modules/m/data/common.yaml:2');
  });
});
