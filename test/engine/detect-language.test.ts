import { describe, expect, it } from 'vitest';
import {
  detectLanguage,
  explainRecognition,
  mayBeAnalysed,
} from '../../src/engine/detect-language.js';

describe('language detection', () => {
  it.each([
    ['roles/web/tasks/main.yml', '- ping:\n'],
    ['roles/web/handlers/main.yaml', '- name: restart\n  service: name=x state=restarted\n'],
    ['group_vars/all.yml', 'x: 1\n'],
    ['host_vars/db1.yml', 'x: 1\n'],
    ['inventory/prod.yml', 'all:\n  hosts: {}\n'],
    ['site.yml', '- hosts: all\n'],
    ['deploy/app.yml', '- hosts: all\n  tasks: []\n'],
    ['ops/upgrade.yml', '- name: Upgrade\n  apt:\n    upgrade: dist\n  become: true\n'],
  ])('recognises %s as Ansible', (path, content) => {
    expect(detectLanguage(path, content)).toBe('ansible');
  });

  it.each([
    ['.github/workflows/ci.yml', 'on: push\n'],
    ['docker-compose.yml', 'services: {}\n'],
    ['k8s/deployment.yml', 'apiVersion: apps/v1\nkind: Deployment\n'],
    ['roles/web/templates/deploy.yml', 'apiVersion: v1\n'],
    ['config/app.yml', 'port: 8080\n'],
    ['.security.yml', 'rules: {}\n'],
    ['README.md', '- hosts: all\n'],
  ])('leaves %s alone', (path, content) => {
    expect(detectLanguage(path, content)).toBeUndefined();
  });

  it('lets the caller force a language', () => {
    expect(detectLanguage('whatever.yml', 'x: 1\n', 'ansible')).toBe('ansible');
  });

  it('selects changed files worth fetching by path alone', () => {
    expect(mayBeAnalysed('roles/x/tasks/main.yml')).toBe(true);
    expect(mayBeAnalysed('src/app.ts')).toBe(false);
    expect(mayBeAnalysed('.github/workflows/ci.yaml')).toBe(false);
  });
});

describe('Puppet and Chef detection', () => {
  it.each([
    ['manifests/init.pp', 'class x {}', 'puppet'],
    ['site/profile/manifests/base.pp', '', 'puppet'],
    ['data/common.yaml', 'profile::base::ntp_servers: []\n', 'puppet'],
    ['hieradata/nodes/web1.yml', 'x: 1\n', 'puppet'],
    ['cookbooks/app/recipes/default.rb', "package 'nginx'\n", 'chef'],
    ['attributes/default.rb', "default['app']['port'] = 80\n", 'chef'],
    ['metadata.rb', "name 'app'\n", 'chef'],
  ])('recognises %s', (path, content, language) => {
    expect(detectLanguage(path, content)).toBe(language);
  });

  it.each([
    ['lib/puppet/type/thing.rb', 'Puppet::Type.newtype(:thing) do\nend\n'],
    ['spec/unit/recipes/default_spec.rb', "describe 'app::default' do\nend\n"],
    ['Rakefile.rb', 'task :default\n'],
    ['data/export.yml', 'rows: []\n'],
  ])('leaves %s alone', (path, content) => {
    expect(detectLanguage(path, content)).toBeUndefined();
  });
});

describe('recognition by content, wherever the file lives', () => {
  it.each([
    [
      'a playbook whose plays start with their name',
      'upgrade-cluster.yml',
      '---\n- name: Upgrade\n  hosts: all\n  roles:\n    - upgrade\n',
    ],
    [
      'a playbook that imports another',
      'cluster.yml',
      '- name: Install Kubernetes\n  ansible.builtin.import_playbook: playbooks/cluster.yml\n',
    ],
    [
      'a playbook indented under a comment',
      'examples/upgraded_vars.yml',
      '# tricks\n---\n  - hosts: all\n    vars:\n      a: 1\n',
    ],
    [
      'a loose task file calling collection modules',
      'ci/prepare_tasks/yum.yml',
      '- name: Create repository\n  ansible.builtin.yum_repository:\n    name: foo\n    gpgcheck: false\n',
    ],
    [
      'a loose task file calling short module names',
      'checks/network.yml',
      '- name: Ping\n  command: ping -c1 db\n  register: ping\n- debug:\n    var: ping\n',
    ],
    [
      'vars with Jinja2 outside any vars folder',
      'etc/app/overrides.yaml',
      'app_url: "https://{{ inventory_hostname }}"\napp_port: 8443\n',
    ],
    [
      'vars named for what they are, without Jinja2',
      'etc/openstack_deploy/user_variables.yml',
      '---\ndebug: false\ninstall_method: source\n',
    ],
    ['connection settings', 'env/lab.yml', 'ansible_user: deploy\nansible_port: 2222\n'],
    [
      'an inventory',
      'hosts-prod.yml',
      'all:\n  children:\n    web:\n      hosts:\n        web1: {}\n',
    ],
    [
      'role defaults with an apiVersion variable',
      'contrib/azure/roles/generate/defaults/main.yml',
      'apiVersion: "2015-06-15"\nvnet: "{{ name }}"\n',
    ],
    [
      'a task that writes a manifest (apiVersion and kind below the top level)',
      'roles/app/tasks/main.yml',
      '- name: Apply\n  kubernetes.core.k8s:\n    definition:\n      apiVersion: v1\n      kind: ConfigMap\n',
    ],
  ])('reads %s as Ansible', (_what, path, content) => {
    expect(detectLanguage(path, content)).toBe('ansible');
  });

  it('reads Hiera data by its class-parameter keys', () => {
    expect(
      detectLanguage(
        'config/common.yaml',
        'profile::base::ntp_servers:\n  - ntp1\nprofile::base::timezone: UTC\n',
      ),
    ).toBe('puppet');
  });

  it.each([
    [
      'a Kubernetes manifest shipped by a role',
      'roles/multus/files/clusterrole.yml',
      'apiVersion: rbac/v1\nkind: ClusterRole\n',
    ],
    [
      'a Kubernetes manifest in a roles folder',
      'roles/app/tasks/crd.yml',
      'apiVersion: v1\nkind: ConfigMap\n',
    ],
    [
      'Go template values',
      'spec/fixtures/exporter.yaml',
      'process_names:\n- name: "{{.Matches}}"\n',
    ],
    [
      'Helm-style values without Jinja2',
      'deploy/values.yaml',
      'replicaCount: 2\nimage:\n  tag: latest\n',
    ],
    ['a hidden tool setting with Jinja2', '.aar_doc.yml', 'output_template: |\n  {{ role }}\n'],
    [
      'a compose file with a template-like value',
      'stack.yml',
      'services:\n  web:\n    image: "{{ image }}"\n',
    ],
    [
      'a workflow outside .github',
      'ci/build.yml',
      'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.sha }}\n',
    ],
    [
      'a Molecule scenario',
      'molecule/default/molecule.yml',
      'driver:\n  name: docker\nplatforms:\n  - name: "{{ image }}"\n',
    ],
    [
      'cloud-init user data',
      'cloud/user-data.yml',
      '#cloud-config\nusers:\n  - name: "{{ admin }}"\n',
    ],
    ['zuul jobs', 'zuul.d/project.yaml', '- project:\n    templates:\n      - check\n'],
  ])('leaves %s alone', (_what, path, content) => {
    expect(detectLanguage(path, content)).toBeUndefined();
  });

  it('reads a Galaxy requirements list as Ansible, for the versions it pins', () => {
    expect(
      detectLanguage(
        'requirements.yml',
        '- name: geerlingguy.java\n  src: https://github.com/x/y\n  version: 1.0\n',
      ),
    ).toBe('ansible');
  });
});

describe('explainRecognition', () => {
  it('says why a file is read, and in which language', () => {
    expect(explainRecognition('roles/web/tasks/main.yml', '- ping:\n')).toEqual({
      language: 'ansible',
      reason: 'Ansible by its path (`tasks/`)',
    });
    expect(explainRecognition('deploy.yaml', '- name: x\n  hosts: all\n').language).toBe('ansible');
    expect(explainRecognition('upgrade.yaml', '- name: x\n  hosts: all\n')).toEqual({
      language: 'ansible',
      reason: 'an Ansible playbook (its plays name hosts)',
    });
  });

  it('says why a file is left alone, and which language would read it if forced', () => {
    expect(explainRecognition('.github/workflows/ci.yml', 'on: push\n')).toEqual({
      language: undefined,
      reason: 'a GitHub Actions workflow or GitHub setting, not configuration code Posture reads',
      forceAs: 'ansible',
    });
    expect(explainRecognition('notes/app.yml', 'port: 8080\n')).toMatchObject({
      language: undefined,
      forceAs: 'ansible',
      reason: expect.stringContaining('no play names hosts') as unknown,
    });
    expect(
      explainRecognition('lib/puppet/type/thing.rb', 'Puppet::Type.newtype(:thing) do\nend\n'),
    ).toMatchObject({ language: undefined, forceAs: 'chef' });
    expect(explainRecognition('README.md', '- hosts: all\n')).toEqual({
      language: undefined,
      reason:
        'not a YAML (.yml, .yaml), Puppet (.pp) or Ruby (.rb) file, nor one read by its name (INI inventory, group_vars or host_vars file, ansible.cfg, Puppetfile, Berksfile, data bag item, Chef role, environment or node)',
    });
  });
});

describe('files read by their name', () => {
  it.each([
    ['hosts', '[web]\nweb1 ansible_host=10.0.0.5\n', 'ansible', 'an Ansible INI inventory'],
    ['inventories/production/hosts', 'web1\n', 'ansible', 'an Ansible INI inventory'],
    ['inventory/staging.ini', '[db]\ndb1\n', 'ansible', 'an Ansible INI inventory'],
    ['tests/inventory', '[all]\nlocalhost\n', 'ansible', 'an Ansible INI inventory'],
    [
      'hosts',
      'all:\n  hosts:\n    web1:\n',
      'ansible',
      'an Ansible inventory (groups with hosts or children)',
    ],
    ['ansible.cfg', '[defaults]\n', 'ansible', 'ansible.cfg, the settings of Ansible itself'],
    [
      'Puppetfile',
      "mod 'puppetlabs/stdlib'\n",
      'puppet',
      'a Puppetfile (the Puppet modules r10k installs)',
    ],
    ['Berksfile', 'metadata\n', 'chef', 'a Berksfile (the cookbooks Berkshelf installs)'],
    ['data_bags/users/deploy.json', '{"id": "deploy"}\n', 'chef', 'a Chef data bag item'],
  ])('reads %s', (path, content, language, reason) => {
    expect(explainRecognition(path, content)).toEqual({ language, reason });
    expect(mayBeAnalysed(path)).toBe(true);
  });

  it('leaves alone a file named like an inventory whose lines are not one', () => {
    expect(explainRecognition('hosts', '127.0.0.1 localhost\n')).toEqual({
      language: undefined,
      reason:
        'named like an Ansible inventory, but its lines are not one (line 1: INI inventory: Expected key=value host variable assignment, got: localhost)',
      forceAs: 'ansible',
    });
    expect(
      explainRecognition('inventory/ec2.ini', '[ec2]\nregions = all\n').language,
    ).toBeUndefined();
  });

  it('leaves alone the copies a role or cookbook deploys, and lock files', () => {
    for (const path of [
      'roles/base/files/hosts',
      'cookbooks/app/files/default/Puppetfile',
      'Berksfile.lock',
    ])
      expect(explainRecognition(path, '[web]\nweb1\n').language, path).toBeUndefined();
    expect(mayBeAnalysed('roles/base/files/hosts')).toBe(true);
    expect(mayBeAnalysed('Berksfile.lock')).toBe(false);
    expect(mayBeAnalysed('tox.ini')).toBe(false);
  });
});
