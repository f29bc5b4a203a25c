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
    });
    expect(deployments.of('cookbooks/admins/templates/default/admins.erb')).toEqual({
      destination: '/etc/sudoers.d/admins',
      language: 'chef',
    });
    expect(deployments.of('roles/ssh/tasks/main.yml')).toBeUndefined();
  });

  it('tells a module repository’s templates from a cookbook’s by their siblings', () => {
    const deployments = Deployments.index([
      { path: 'manifests/vhost/ssl.pp', content: 'class apache::vhost::ssl {}\n' },
    ]);
    expect(deployments.of('templates/vhost/_ssl.erb')).toEqual({ language: 'puppet' });
  });
});
