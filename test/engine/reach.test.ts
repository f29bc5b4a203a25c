import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { blastRadius } from '../../src/engine/blast-radius.js';
import { appliedUnitFiles, reachedFiles, unitsApplied } from '../../src/engine/variables/reach.js';
import { initParsers } from '../../src/languages/parse-file.js';

beforeAll(async () => {
  await initParsers();
});

const TREE = [
  'site.yml',
  'group_vars/all.yml',
  'group_vars/web.yml',
  'host_vars/db1.yml',
  'roles/ssh/defaults/main.yml',
  'roles/ssh/tasks/main.yml',
  'roles/ssh/templates/sshd_config.j2',
  'roles/web/tasks/main.yml',
  'README.md',
  'docs/index.md',
];

describe('the files a change reaches, from paths alone', () => {
  it('a group variable reaches every file of its tree that could use it, and the plays', () => {
    expect(reachedFiles(['group_vars/all.yml'], TREE, 100)).toEqual([
      'site.yml',
      'group_vars/web.yml',
      'host_vars/db1.yml',
      'roles/ssh/defaults/main.yml',
      'roles/ssh/tasks/main.yml',
      'roles/ssh/templates/sshd_config.j2',
      'roles/web/tasks/main.yml',
    ]);
  });

  it('a template reads the definitions that reach it, the tasks that deploy it, and the plays', () => {
    expect(reachedFiles(['roles/ssh/templates/sshd_config.j2'], TREE, 100)).toEqual([
      'site.yml',
      'group_vars/all.yml',
      'group_vars/web.yml',
      'host_vars/db1.yml',
      'roles/ssh/defaults/main.yml',
      'roles/ssh/tasks/main.yml',
    ]);
  });

  it('in a Puppet module at the root, a template and the manifests that render it reach each other', () => {
    const tree = [
      'manifests/init.pp',
      'manifests/server.pp',
      'templates/sshd_config.erb',
      'data/common.yaml',
      'README.md',
    ];
    // The manifests say where the template lands and which class renders it.
    expect(reachedFiles(['templates/sshd_config.erb'], tree, 100)).toEqual([
      'data/common.yaml',
      'manifests/init.pp',
      'manifests/server.pp',
    ]);
    // A class's parameter defaults reach the templates it renders.
    expect(reachedFiles(['manifests/server.pp'], tree, 100)).toEqual([
      'data/common.yaml',
      'templates/sshd_config.erb',
    ]);
  });

  it('stops at the limit, shallow files first', () => {
    expect(reachedFiles(['group_vars/all.yml'], TREE, 2)).toEqual([
      'site.yml',
      'group_vars/web.yml',
    ]);
  });
});

describe('blast radius', () => {
  it('names the hosts and plays group variables and roles reach', async () => {
    const files = [
      {
        path: 'site.yml',
        content:
          '- name: Web\n  hosts: web:!staging\n  roles:\n    - role: ssh\n    - nginx\n- name: All\n  hosts: all\n  roles: [base]\n',
      },
      { path: 'group_vars/web.yml', content: 'x: 1\n' },
      { path: 'host_vars/db1.yml', content: 'x: 1\n' },
      { path: 'roles/ssh/tasks/main.yml', content: '- ansible.builtin.debug: msg=hi\n' },
      { path: 'roles/orphan/tasks/main.yml', content: '- ansible.builtin.debug: msg=hi\n' },
    ];
    const result = await analyze(files, { keepModels: true });
    const reach = blastRadius({
      changed: files.slice(1).map((file) => file.path),
      models: result.models ?? new Map(),
      texts: new Map(),
    });
    expect(reach).toEqual([
      {
        path: 'group_vars/web.yml',
        everyHost: false,
        reaches: ['the hosts of group `web`', 'play `Web` in site.yml (hosts: web)'],
      },
      { path: 'host_vars/db1.yml', everyHost: false, reaches: ['host `db1`'] },
      {
        path: 'roles/ssh/tasks/main.yml',
        everyHost: false,
        reaches: ['role `ssh` in play `Web` in site.yml (hosts: web)'],
      },
    ]);
  });

  it('names the Puppet nodes that include a module and the Chef roles that run a cookbook', async () => {
    const files = [
      {
        path: 'manifests/site.pp',
        content: "node 'web1.example.com' {\n  include ssh\n}\nnode default {\n  include base\n}\n",
      },
      { path: 'modules/ssh/manifests/init.pp', content: 'class ssh {}\n' },
      { path: 'cookbooks/ssh/recipes/default.rb', content: "package 'openssh-server'\n" },
    ];
    const result = await analyze(files, { keepModels: true });
    const reach = blastRadius({
      changed: ['modules/ssh/manifests/init.pp', 'cookbooks/ssh/recipes/default.rb'],
      models: result.models ?? new Map(),
      texts: new Map([
        ['roles/web.json', '{"run_list": ["recipe[ssh::default]", "recipe[nginx]"]}'],
      ]),
    });
    expect(reach.map((entry) => entry.reaches)).toEqual([
      ["node 'web1.example.com' in manifests/site.pp"],
      ['role `web` (roles/web.json)'],
    ]);
  });
});

describe('the files that may apply a changed unit with values, from paths alone', () => {
  it("an Ansible file reads its project's ansible.cfg, which says whether dicts are merged", () => {
    const tree = [
      'ansible.cfg',
      'roles/ssh/tasks/main.yml',
      'other/ansible.cfg',
      'manifests/init.pp',
    ];
    expect(reachedFiles(['roles/ssh/tasks/main.yml'], tree, 100)).toEqual(['ansible.cfg']);
    expect(reachedFiles(['manifests/init.pp'], tree, 100)).toEqual([]);
  });

  it("a role's file reads the playbooks of its project; a module's, the profiles; a cookbook's, the roles", () => {
    const tree = [
      'deploy-web.yml',
      'ops/maintenance.yml',
      'group_vars/all.yml',
      'roles/ssh/templates/sshd_config.j2',
      'roles/ssh/tasks/main.yml',
      'other/deploy.yml',
      'other/roles/db/tasks/main.yml',
      'site/profile/manifests/ssh.pp',
      'modules/ssh/templates/sshd_config.erb',
      'modules/ntp/manifests/init.pp',
      'chef/roles/web.json',
      'chef/cookbooks/ssh/templates/default/sshd_config.erb',
      'chef/cookbooks/ntp/recipes/default.rb',
    ];
    const reached = (changed: string) =>
      reachedFiles([changed], tree, 100).filter(
        (path) => !path.startsWith(changed.slice(0, changed.indexOf('/'))),
      );
    expect(reached('roles/ssh/templates/sshd_config.j2')).toEqual([
      'deploy-web.yml',
      'group_vars/all.yml',
      'ops/maintenance.yml',
    ]);
    // A role's task file may be included, with values, by the role's other task files.
    expect(reachedFiles(['roles/ssh/tasks/sshd.yml'], tree, 100)).toEqual(
      expect.arrayContaining(['roles/ssh/tasks/main.yml']),
    );
    // A role of a collection the project installs is applied by the project's playbooks.
    expect(
      reachedFiles(
        ['collections/ansible_collections/acme/infra/roles/ssh/templates/sshd_config.j2'],
        tree,
        100,
      ),
    ).toEqual(expect.arrayContaining(['deploy-web.yml', 'ops/maintenance.yml']));
    // YAML outside roles may be a play's vars file: the plays of its project say.
    expect(reachedFiles(['ops/env.yml'], tree, 100)).toEqual(
      expect.arrayContaining(['deploy-web.yml', 'ops/maintenance.yml']),
    );
    expect(reached('modules/ssh/templates/sshd_config.erb')).toEqual([
      'site/profile/manifests/ssh.pp',
    ]);
    expect(
      reachedFiles(['chef/cookbooks/ssh/templates/default/sshd_config.erb'], tree, 100),
    ).toEqual(
      expect.arrayContaining(['chef/roles/web.json', 'chef/cookbooks/ntp/recipes/default.rb']),
    );
  });
});

/** The files of the units the changed files give values to, other than the changed files. */
function filesApplied(
  changed: ReadonlyArray<{ path: string; content: string }>,
  tree: readonly string[],
  limit: number,
): string[] {
  const paths = new Set(changed.map((file) => file.path));
  return appliedUnitFiles(unitsApplied(changed), tree, limit, paths);
}

describe('the files a change reaches, from its text', () => {
  const play = (roles: string) => `- hosts: all\n  roles:\n${roles}`;

  it("a play reaches a collection's role by its full name, in its project's collections", () => {
    const tree = [
      'collections/ansible_collections/acme/infra/roles/ssh/tasks/main.yml',
      'collections/ansible_collections/acme/infra/roles/web/tasks/main.yml',
      'roles/ssh/tasks/main.yml',
    ];
    const changed = [
      { path: 'site.yml', content: play('    - role: acme.infra.ssh\n      x: 1\n') },
    ];
    expect(filesApplied(changed, tree, 100)).toEqual([
      'collections/ansible_collections/acme/infra/roles/ssh/tasks/main.yml',
    ]);
  });

  it('an include_tasks or template task with vars reaches the file it names, and no other', () => {
    const tree = [
      'roles/web/tasks/main.yml',
      'roles/web/tasks/selinux.yml',
      'roles/web/tasks/other.yml',
    ];
    const changed = [
      {
        path: 'roles/web/tasks/main.yml',
        content:
          '- ansible.builtin.include_tasks: selinux.yml\n  vars:\n    web_selinux: permissive\n',
      },
    ];
    expect(filesApplied(changed, tree, 100)).toEqual(['roles/web/tasks/selinux.yml']);
    const rendering = [
      {
        path: 'roles/web/tasks/main.yml',
        content:
          '- ansible.builtin.template:\n    src: web.conf.j2\n    dest: /etc/web.conf\n  vars:\n    port: 80\n',
      },
    ];
    expect(filesApplied(rendering, [...tree, 'roles/web/templates/web.conf.j2'], 100)).toEqual([
      'roles/web/templates/web.conf.j2',
    ]);
  });

  it("a template task with vars reaches a template named from the role's folder", () => {
    const changed = [
      {
        path: 'roles/web/tasks/main.yml',
        content:
          '- ansible.builtin.template:\n    src: "{{ role_path }}/templates/web.conf.j2"\n    dest: /etc/web.conf\n  vars:\n    port: 80\n',
      },
    ];
    const tree = ['roles/web/tasks/main.yml', 'roles/web/templates/web.conf.j2', 'web.conf.j2'];
    expect(filesApplied(changed, tree, 100)).toEqual(['roles/web/templates/web.conf.j2']);
  });

  it("a play reaches the files of the roles it gives values to, and no other role's", () => {
    const changed = [
      { path: 'site.yml', content: play('    - role: ssh\n      ssh_port: 2222\n    - web\n') },
    ];
    expect(filesApplied(changed, TREE, 100)).toEqual([
      'roles/ssh/defaults/main.yml',
      'roles/ssh/tasks/main.yml',
      'roles/ssh/templates/sshd_config.j2',
    ]);
  });

  it("a Puppet class declaration or defined type instance with parameters reaches its module's manifests and templates", () => {
    const tree = [
      'manifests/site.pp',
      'modules/ssh/manifests/init.pp',
      'modules/ssh/templates/sshd_config.erb',
      'modules/ssh/data/common.yaml',
      'modules/openssh/manifests/init.pp',
      'site/profile/manifests/base.pp',
    ];
    const declaration = "class profile::base {\n  class { '::ssh::server': port => 2222 }\n}\n";
    expect(
      filesApplied([{ path: 'site/profile/manifests/base.pp', content: declaration }], tree, 100),
    ).toEqual(['modules/ssh/manifests/init.pp', 'modules/ssh/templates/sshd_config.erb']);
    const instance = "node default {\n  ssh::drop_in { 'lab': permit_root_login => 'no' }\n}\n";
    expect(filesApplied([{ path: 'manifests/site.pp', content: instance }], tree, 100)).toEqual([
      'modules/ssh/manifests/init.pp',
      'modules/ssh/templates/sshd_config.erb',
    ]);
    expect(
      filesApplied(
        [
          {
            path: 'site/profile/manifests/base.pp',
            content: 'class profile::base {\n  include ssh\n}\n',
          },
        ],
        tree,
        100,
      ),
    ).toEqual([]);
  });

  it("a Chef role reaches the cookbooks of its run list, an environment or a role of roles every cookbook's code", () => {
    const tree = [
      'cookbooks/ssh/recipes/default.rb',
      'cookbooks/ssh/templates/default/sshd_config.erb',
      'cookbooks/ssh/files/default/banner',
      'cookbooks/ntp/recipes/default.rb',
      'roles/base.json',
    ];
    const role = '{"default_attributes": {"ssh": {"port": 22}}, "run_list": ["recipe[ssh]"]}';
    expect(filesApplied([{ path: 'roles/web.json', content: role }], tree, 100)).toEqual([
      'cookbooks/ssh/recipes/default.rb',
      'cookbooks/ssh/templates/default/sshd_config.erb',
    ]);
    // A role that runs another role may reach any cookbook: only that role's file names them.
    const nested =
      '{"default_attributes": {"ssh": {"port": 22}}, "run_list": ["recipe[ssh]", "role[base]"]}';
    expect(filesApplied([{ path: 'roles/web.json', content: nested }], tree, 100)).toEqual([
      'cookbooks/ntp/recipes/default.rb',
      'cookbooks/ssh/recipes/default.rb',
      'cookbooks/ssh/templates/default/sshd_config.erb',
    ]);
    // A recipe gives its template the variables of the resource that renders it.
    const rendering =
      "template '/etc/ssh/sshd_config' do\n  source 'sshd_config.erb'\n  variables(port: 22)\nend\n";
    expect(
      filesApplied([{ path: 'cookbooks/ssh/recipes/default.rb', content: rendering }], tree, 100),
    ).toEqual(['cookbooks/ssh/templates/default/sshd_config.erb']);
    // A wrapper recipe sets attributes for the cookbooks it includes.
    const wrapper = "node.override['ssh']['port'] = 2222\ninclude_recipe 'ssh::default'\n";
    expect(
      filesApplied([{ path: 'cookbooks/wrapper/recipes/default.rb', content: wrapper }], tree, 100),
    ).toEqual([
      'cookbooks/ssh/recipes/default.rb',
      'cookbooks/ssh/templates/default/sshd_config.erb',
    ]);
    const environment = '{"override_attributes": {"ntp": {"servers": []}}}';
    expect(
      filesApplied([{ path: 'environments/prod.json', content: environment }], tree, 100),
    ).toEqual([
      'cookbooks/ntp/recipes/default.rb',
      'cookbooks/ssh/recipes/default.rb',
      'cookbooks/ssh/templates/default/sshd_config.erb',
    ]);
  });

  it('a play that gives no values, or a file that does not parse, reaches nothing', () => {
    expect(filesApplied([{ path: 'site.yml', content: play('    - ssh\n') }], TREE, 100)).toEqual(
      [],
    );
    expect(
      filesApplied([{ path: 'site.yml', content: 'roles: [\n  - : ]: [' }], TREE, 100),
    ).toEqual([]);
    expect(
      filesApplied(
        [{ path: 'README.md', content: 'roles:\n  - role: ssh\n    x: 1\n' }],
        TREE,
        100,
      ),
    ).toEqual([]);
  });
});
