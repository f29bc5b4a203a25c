import { describe, expect, it } from 'vitest';
import { Deployments } from '../../src/engine/deployments.js';

describe('what the code says of the files it deploys', () => {
  it('finds where Ansible, Puppet and Chef put a template, also through a path variable', () => {
    const deployments = Deployments.index([
      {
        path: 'roles/ssh/tasks/main.yml',
        content:
          '- name: sshd\n  ansible.builtin.template:\n    src: opensshd.conf.j2\n    dest: "{{ sshd_file }}"\n- template: src=client.j2 dest=/etc/ssh/ssh_config\n',
      },
      {
        path: 'roles/ssh/defaults/main.yml',
        content: 'sshd_file: /etc/ssh/sshd_config # server\n',
      },
      {
        path: 'modules/base/manifests/init.pp',
        content:
          "class base {\n  file { '/etc/sysctl.d/90.conf':\n    content => epp('base/kernel.epp'),\n  }\n}\n",
      },
      {
        path: 'cookbooks/admins/recipes/default.rb',
        content: "template '/etc/sudoers.d/admins' do\n  source 'admins.erb'\n  mode '0440'\nend\n",
      },
    ]);
    expect(deployments.of('roles/ssh/templates/opensshd.conf.j2')).toEqual({
      destination: '/etc/ssh/sshd_config',
      language: 'ansible',
    });
    expect(deployments.of('roles/ssh/templates/client.j2')?.destination).toBe(
      '/etc/ssh/ssh_config',
    );
    expect(deployments.of('modules/base/templates/kernel.epp')).toEqual({
      destination: '/etc/sysctl.d/90.conf',
      language: 'puppet',
      scope: 'base',
      renderedBy: 'modules/base/manifests/init.pp',
    });
    expect(deployments.of('cookbooks/admins/templates/default/admins.erb')).toEqual({
      destination: '/etc/sudoers.d/admins',
      language: 'chef',
    });
    expect(deployments.of('roles/ssh/tasks/main.yml')).toBeUndefined();
  });

  it("finds where Ansible puts a template named from the role's or the playbook's folder", () => {
    const deployments = Deployments.index([
      {
        path: 'roles/ssh/tasks/main.yml',
        content: [
          '- ansible.builtin.template:',
          '    src: "{{ role_path }}/templates/opensshd.conf.j2"',
          '    dest: /etc/ssh/sshd_config',
          '- template: src={{ playbook_dir }}/templates/client.j2 dest=/etc/ssh/ssh_config',
          '- template:',
          '    src: "{{ role_path }}/templates/{{ flavour }}.j2"',
          '    dest: /etc/motd',
        ].join('\n'),
      },
    ]);
    expect(deployments.of('roles/ssh/templates/opensshd.conf.j2')?.destination).toBe(
      '/etc/ssh/sshd_config',
    );
    expect(deployments.of('roles/ssh/templates/client.j2')?.destination).toBe(
      '/etc/ssh/ssh_config',
    );
    expect(deployments.of('roles/ssh/templates/debian.j2')?.destination).toBeUndefined();
  });

  it('finds where an Ansible loop puts each template its items name, in flow or block style', () => {
    const deployments = Deployments.index([
      {
        path: 'roles/base/tasks/main.yml',
        content: [
          '- ansible.builtin.template:',
          '    src: "{{ item.src }}"',
          '    dest: "{{ item.dest }}"',
          '  loop:',
          "    - { src: kernel.conf.j2, dest: '/etc/sysctl.d/90-base.conf' }",
          '    - { dest: /etc/sudoers.d/ops, src: "{{ role_path }}/templates/ops.j2", mode: "0440" }',
          '    - src: daemon.j2',
          '      dest: /etc/ssh/sshd_config',
          '    - { src: motd.j2, dest: "{{ motd_path }}" }',
        ].join('\n'),
      },
    ]);
    expect(deployments.of('roles/base/templates/kernel.conf.j2')?.destination).toBe(
      '/etc/sysctl.d/90-base.conf',
    );
    expect(deployments.of('roles/base/templates/ops.j2')?.destination).toBe('/etc/sudoers.d/ops');
    expect(deployments.of('roles/base/templates/daemon.j2')?.destination).toBe(
      '/etc/ssh/sshd_config',
    );
    expect(deployments.of('roles/base/templates/motd.j2')?.destination).toBeUndefined();
  });

  it('finds where Puppet puts a module file and Chef a cookbook file, as they are', () => {
    const deployments = Deployments.index([
      {
        path: 'puppet-ssh/manifests/init.pp',
        content:
          "class ssh {\n  file { '/etc/ssh/sshd_config':\n    source => 'puppet:///modules/ssh/sshd.conf',\n  }\n  file { '/etc/issue':\n    source => \"puppet:///modules/ssh/issue.${facts['os']['family']}\",\n  }\n}\n",
      },
      {
        path: 'cookbooks/ssh/recipes/default.rb',
        content:
          "cookbook_file '/etc/ssh/ssh_config' do\n  source 'client.conf'\nend\ncookbook_file '/etc/ssh/moduli' do\nend\ntemplate '/etc/motd' do\nend\n",
      },
    ]);
    expect(deployments.of('modules/ssh/files/sshd.conf')?.destination).toBe('/etc/ssh/sshd_config');
    expect(deployments.of('puppet-ssh/files/sshd.conf')?.destination).toBe('/etc/ssh/sshd_config');
    expect(deployments.of('puppet-ssh/files/issue.Debian')?.destination).toBeUndefined();
    expect(deployments.of('cookbooks/ssh/files/default/client.conf')?.destination).toBe(
      '/etc/ssh/ssh_config',
    );
    expect(deployments.of('cookbooks/ssh/files/default/moduli')?.destination).toBe(
      '/etc/ssh/moduli',
    );
    // A template without a source is the destination's name with `.erb`, as Chef looks it up.
    expect(deployments.of('cookbooks/ssh/templates/default/motd.erb')?.destination).toBe(
      '/etc/motd',
    );
  });

  it('finds where a fragment of a concatenated file puts its template', () => {
    const deployments = Deployments.index([
      {
        path: 'manifests/site.pp',
        content: [
          'node default {',
          "  concat::fragment { 'sshd main':",
          "    target  => '/etc/ssh/sshd_config',",
          "    content => template('ssh/sshd_main.erb'),",
          '  }',
          "  concat::fragment { 'sshd extra':",
          '    target  => $sshd_config,',
          "    content => template('ssh/sshd_extra.erb'),",
          '  }',
          "  file { '/etc/motd': content => template('motd/motd.erb') }",
          '}',
        ].join('\n'),
      },
    ]);
    expect(deployments.of('modules/ssh/templates/sshd_main.erb')?.destination).toBe(
      '/etc/ssh/sshd_config',
    );
    expect(deployments.of('modules/ssh/templates/sshd_extra.erb')?.destination).toBeUndefined();
    expect(deployments.of('modules/motd/templates/motd.erb')?.destination).toBe('/etc/motd');
  });

  it('finds where a manifest outside a module puts a template, as site.pp does', () => {
    const deployments = Deployments.index([
      {
        path: 'manifests/site.pp',
        content:
          "node default {\n  file { '/etc/ssh/sshd_config':\n    content => template('ssh/sshd_config.erb'),\n  }\n}\n",
      },
      {
        path: 'site.pp',
        content: "file { '/etc/motd': content => template('motd/motd.erb') }\n",
      },
    ]);
    expect(deployments.of('modules/ssh/templates/sshd_config.erb')?.destination).toBe(
      '/etc/ssh/sshd_config',
    );
    expect(deployments.of('modules/motd/templates/motd.erb')?.destination).toBe('/etc/motd');
  });

  it('finds where a defined type puts a template, in a folder it writes as it stands', () => {
    const deployments = Deployments.index([
      {
        path: 'modules/sudo/manifests/conf.pp',
        content:
          'define sudo::conf ($content) {\n  file { "/etc/sudoers.d/${title}":\n    content => template(\'sudo/conf.erb\'),\n  }\n  file { "${confdir}/${title}.conf":\n    content => template(\'sudo/other.erb\'),\n  }\n}\n',
      },
    ]);
    expect(deployments.of('modules/sudo/templates/conf.erb')?.destination).toBe(
      '/etc/sudoers.d/${title}',
    );
    expect(deployments.of('modules/sudo/templates/other.erb')?.destination).toBeUndefined();
  });

  it('tells a module repository’s templates from a cookbook’s by their siblings', () => {
    const deployments = Deployments.index([
      { path: 'manifests/vhost/ssl.pp', content: 'class apache::vhost::ssl {}\n' },
    ]);
    expect(deployments.of('templates/vhost/_ssl.erb')).toEqual({ language: 'puppet' });
  });

  it('reads a Puppet template in the scope of the class that renders it', () => {
    const deployments = Deployments.index([
      {
        path: 'manifests/login_defs.pp',
        content:
          "# @param umask\nclass os_hardening::login_defs (\n  $umask = '027',\n) {\n  file { '/etc/login.defs':\n    content => template('os_hardening/login.defs.erb'),\n  }\n}\n",
      },
      {
        path: 'manifests/pam.pp',
        content:
          "class os_hardening::pam {\n  file { $unix: content => template('os_hardening/pam_unix.erb') }\n}\n",
      },
      {
        path: 'manifests/limits.pp',
        content:
          "class os_hardening::limits {\n  file { $x: content => template('os_hardening/shared.erb') }\n}\n",
      },
      {
        path: 'manifests/sysctl.pp',
        content:
          "class os_hardening::sysctl {\n  file { $y: content => template('os_hardening/shared.erb') }\n  file { $z: content => template('stdlib/other.erb') }\n}\n",
      },
      {
        path: 'manifests/key.pp',
        content:
          "define os_hardening::key ($type) {\n  file { $title: content => epp('os_hardening/key.epp') }\n}\n",
      },
    ]);
    // A module repository checked out at the root of the run, its folder name unknown.
    expect(deployments.of('templates/login.defs.erb')).toEqual({
      destination: '/etc/login.defs',
      language: 'puppet',
      scope: 'os_hardening::login_defs',
      renderedBy: 'manifests/login_defs.pp',
    });
    expect(deployments.of('templates/pam_unix.erb')?.scope).toBe('os_hardening::pam');
    // Two classes render it: neither class's values are its own.
    expect(deployments.of('templates/shared.erb')?.scope).toBeNull();
    // A defined type reads its parameters, which each instance gives.
    expect(deployments.of('templates/key.epp')?.scope).toBe('os_hardening::key');
    // Another module's template lies in that module, wherever it is.
    expect(deployments.of('templates/other.erb')?.scope).toBeUndefined();
  });

  it("gives a playbook's own files to Ansible when a task deploys them, with no role beside them", () => {
    const deployments = Deployments.index([
      {
        path: 'site.yml',
        content:
          '- hosts: all\n  tasks:\n    - copy:\n        src: files/sudoers-deploy\n        dest: /etc/sudoers.d/deploy\n',
      },
    ]);
    expect(deployments.of('files/sudoers-deploy')).toEqual({
      destination: '/etc/sudoers.d/deploy',
      language: 'ansible',
    });
    // A file no code names stays without a language.
    expect(deployments.of('files/motd')).toBeUndefined();
  });
});
