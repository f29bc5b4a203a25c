import { beforeAll, describe, expect, it } from 'vitest';
import { explainRecognition, mayBeAnalysed } from '../../../src/engine/detect-language.js';
import { initParsers, parseFile } from '../../../src/languages/parse-file.js';
import { directiveSummary, parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

describe('configuration files as code', () => {
  it('reads an sshd_config template with Match blocks and Jinja2 values', () => {
    const model = parsed(
      'roles/ssh/templates/sshd_config.j2',
      '# {{ ansible_managed }}\nPort {{ ssh_port }}\nPermitRootLogin no\nMatch User backup\n  PasswordAuthentication=yes\n',
      'ansible',
    );
    expect(model.kind).toBe('config');
    expect(model.config?.format).toBe('sshd');
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:6 Port={{ ssh_port }} (dynamic)',
      '3:17 PermitRootLogin=no',
      '5:26 PasswordAuthentication=yes [Match User backup]',
    ]);
  });

  it("keeps OpenSSH's first value of a keyword in each block, and every value of one that adds up", () => {
    const sshd = parsed(
      'roles/ssh/templates/sshd_config.j2',
      [
        '{% if legacy %}',
        'PermitRootLogin yes',
        '{% endif %}',
        'PermitRootLogin no',
        'permitrootlogin yes',
        'Port 22',
        'Port 2222',
        'Match User backup',
        '  PermitRootLogin yes',
        '  PasswordAuthentication no',
        '  PasswordAuthentication yes',
        '',
      ].join('\n'),
      'ansible',
    );
    expect(sshd.config?.directives.map(directiveSummary)).toEqual([
      '2:17 PermitRootLogin=yes (conditional)',
      '4:17 PermitRootLogin=no',
      '6:6 Port=22',
      '7:6 Port=2222',
      '9:19 PermitRootLogin=yes [Match User backup]',
      '10:26 PasswordAuthentication=no [Match User backup]',
    ]);
    const client = parsed(
      'roles/ssh/templates/ssh_config.j2',
      'Host *\n  StrictHostKeyChecking yes\n  StrictHostKeyChecking no\n  IdentityFile a\n  IdentityFile b\n',
      'ansible',
    );
    expect(client.config?.directives.map((directive) => directive.value.text)).toEqual([
      'yes',
      'a',
      'b',
    ]);
  });

  it('writes Puppet ERB and EPP variables as Puppet interpolation in the module class', () => {
    const erb = parsed(
      'modules/ssh/templates/sshd_config.erb',
      "PermitRootLogin <%= @permit_root_login %>\nMACs <%= scope['ssh::macs'] %>\nCiphers <%= @ciphers.join(',') %>\nPort <%= @port.to_s %>\nKexAlgorithms <%= @kex.to_sym %>\n",
      'puppet',
    );
    expect(erb.config?.within).toBe('ssh');
    expect(erb.config?.directives.map((directive) => directive.value.text)).toEqual([
      '${permit_root_login}',
      '${ssh::macs}',
      '${?}',
      '${port}',
      '${?}',
    ]);
    const epp = parsed(
      'modules/ssh/templates/sshd_config.epp',
      '<%- | String $root | -%>\nPermitRootLogin <%= $root %>\n',
      'puppet',
    );
    expect(epp.config?.directives.map(directiveSummary)).toEqual([
      '2:17 PermitRootLogin=${root} (dynamic)',
    ]);
  });

  it('writes Chef ERB as Ruby interpolation, and does not take `#{...}` for a comment', () => {
    const model = parsed(
      'templates/default/sudoers.erb',
      '# managed\n<% @users.each do |user| -%>\n<%= user %> ALL=(ALL) ALL\n<% end -%>\n#includedir /etc/sudoers.d\n',
      'chef',
    );
    expect(model.config?.directives.map((directive) => directive.value.text)).toEqual([
      '#{user} ALL=(ALL) ALL',
      '#includedir /etc/sudoers.d',
    ]);
  });

  it('reads sysctl files with `=` and trailing comments', () => {
    const model = parsed(
      'files/sysctl.conf',
      '; comment\nnet.ipv4.ip_forward=1\nkernel.randomize_va_space = 2 # on\n',
      'puppet',
    );
    expect(model.config?.directives.map(directiveSummary)).toEqual([
      '2:21 net.ipv4.ip_forward=1',
      '3:29 kernel.randomize_va_space=2',
    ]);
  });

  it('reports a broken template as a syntax error on its line', () => {
    const outcome = parseFile('roles/ssh/templates/sshd_config.j2', 'Port 22\nX {{ y\n', 'ansible');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error).toMatchObject({ kind: 'syntax', line: 2 });
  });
});

describe('recognising deployed configuration files', () => {
  it.each([
    ['roles/ssh/templates/sshd_config.j2', '', 'ansible'],
    ['roles/base/files/sysctl.conf', '', 'ansible'],
    ['templates/etc-ssh-sshd_config.j2', '', 'ansible'],
    ['modules/ssh/templates/sshd_config.epp', '', 'puppet'],
    ['site/profile/templates/sudoers.erb', '', 'puppet'],
    ['cookbooks/ssh/templates/default/sshd_config.erb', '', 'chef'],
    ['templates/sshd_config.erb', "PermitRootLogin <%= node['ssh']['root'] %>", 'chef'],
    ['templates/sshd_config.erb', "PermitRootLogin <%= scope['ssh::root'] %>", 'puppet'],
    ['templates/sudoers.d/deploy.j2', '', 'ansible'],
  ])('%s is read as %s', (path, content, language) => {
    expect(explainRecognition(path, content).language).toBe(language);
    expect(mayBeAnalysed(path)).toBe(true);
  });

  it('leaves an ERB template alone, saying why, when nothing tells who deploys it', () => {
    const recognition = explainRecognition('templates/sshd_config.erb', 'Port 22\n');
    expect(recognition.language).toBeUndefined();
    expect(recognition.reason).toMatch(
      /outside an Ansible role, a Puppet module or a Chef cookbook/,
    );
  });

  it('reads a template whose name says nothing only when the code says where it lands', () => {
    expect(mayBeAnalysed('roles/web/templates/motd.j2')).toBe(true);
    expect(explainRecognition('roles/web/templates/motd.j2', 'Welcome\n').language).toBeUndefined();
    expect(
      explainRecognition('roles/ssh/templates/opensshd.conf.j2', 'Port 22\n', {
        destination: '/etc/ssh/sshd_config',
        language: 'ansible',
      }).language,
    ).toBe('ansible');
    expect(mayBeAnalysed('docs/sshd_config')).toBe(false);
  });
});
