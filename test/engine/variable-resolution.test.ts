import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../../src/engine/analyze.js';
import type { Finding } from '../../src/model/finding.js';
import type { Rule } from '../../src/rules/rule.js';
import { referencesIn } from '../../src/languages/references.js';
import { insecureSshServer } from '../../src/rules/insecure-ssh-server/rule.js';

/**
 * A rule that reports, for every argument of a task or resource that reads one variable, each
 * definition `resolve` gives it, on the definition's line: where the value comes from, as the
 * rules that judge values see it.
 */
const whereFrom: Rule = {
  meta: {
    id: 'where-from',
    title: 'Where a value comes from',
    severity: 'low',
    category: 'suspicious-comment',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'Reports the definitions a variable an argument reads resolves to, for tests of the resolution.',
    remediation: 'Nothing to fix: this rule exists for tests of variable resolution.',
    cwe: 'CWE-1',
  },
  check({ file, report, resolve }) {
    for (const unit of file.units) {
      for (const attribute of unit.attributes) {
        const [reference] = referencesIn(attribute.value, file.language);
        if (!reference?.name) continue;
        const name =
          file.language === 'puppet' && unit.within && !reference.name.includes('::')
            ? `${unit.within}::${reference.name}`
            : reference.name;
        for (const definition of resolve(name)) {
          const via = definition.via ? ` via ${definition.via.join(' > ')}` : '';
          report({
            range: definition.value.range,
            path: definition.path,
            message: `${definition.name}=${definition.value.text.trim()}${via} for ${file.path}:${attribute.range.line}`,
          });
        }
      }
    }
  },
};

async function sources(
  files: Record<string, string>,
  language?: 'ansible' | 'puppet' | 'chef',
): Promise<string[]> {
  const list: SourceFile[] = Object.entries(files).map(([path, content]) => ({ path, content }));
  const result = await analyze(list, { rules: [whereFrom], ...(language ? { language } : {}) });
  expect(result.errors).toEqual([]);
  return result.findings.map(
    (finding: Finding) =>
      `${finding.path}:${finding.range.line} ${finding.message}${finding.status ? ` [${finding.status}]` : ''}`,
  );
}

const TASK = (variable: string) =>
  `- name: Use it\n  ansible.posix.selinux:\n    policy: targeted\n    state: "{{ ${variable} }}"\n`;

describe('variables across the files of a role, a module and a cookbook', () => {
  it("gives a role's tasks its defaults, reported on the default's line, once for all its uses", async () => {
    expect(
      await sources({
        'roles/web/defaults/main.yml': '---\nweb_selinux: permissive\n',
        'roles/web/tasks/main.yml': TASK('web_selinux'),
        'roles/web/tasks/again.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      'roles/web/defaults/main.yml:2 web_selinux=permissive for roles/web/tasks/main.yml:4 (and 1 other use)',
    ]);
  });

  it('lets role vars win over role defaults, and group_vars over role defaults', async () => {
    expect(
      await sources({
        'roles/web/defaults/main.yml': 'web_selinux: permissive\nweb_firewall: stopped\n',
        'roles/web/vars/main.yml': 'web_selinux: enforcing\n',
        'group_vars/all.yml': 'web_firewall: started\n',
        'roles/web/tasks/main.yml': `${TASK('web_selinux')}- service:\n    name: firewalld\n    state: "{{ web_firewall }}"\n`,
      }),
    ).toEqual([
      'group_vars/all.yml:1 web_firewall=started for roles/web/tasks/main.yml:7',
      'roles/web/vars/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
    ]);
  });

  it('lets a dict set with more precedence replace a lower one whole, unless ansible.cfg merges them', async () => {
    const files = {
      'roles/web/defaults/main.yml': 'web:\n  selinux: permissive\n  firewall: stopped\n',
      'group_vars/all/web.yml': 'web:\n  firewall: started\n',
      'roles/web/tasks/main.yml': `${TASK('web.selinux')}${TASK('web.firewall')}`,
    };
    expect(await sources(files)).toEqual([
      'group_vars/all/web.yml:2 web.firewall=started for roles/web/tasks/main.yml:8',
    ]);
    expect(
      await sources({ ...files, 'ansible.cfg': '[defaults]\nhash_behaviour = merge\n' }),
    ).toEqual([
      'group_vars/all/web.yml:2 web.firewall=started for roles/web/tasks/main.yml:8',
      'roles/web/defaults/main.yml:2 web.selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it("keeps a lower dict's keys where the dict over it is one group's, one host's or one task's", async () => {
    expect(
      await sources({
        'roles/web/defaults/main.yml': 'web:\n  selinux: permissive\n',
        'group_vars/db.yml': 'web:\n  firewall: started\n',
        'host_vars/db1.yml': 'web:\n  port: 8080\n',
        'roles/web/tasks/main.yml': `${TASK('web.selinux')}  vars:\n    web:\n      port: 80\n`,
      }),
    ).toEqual([
      'roles/web/defaults/main.yml:2 web.selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it('lets role vars replace the dict a play gives the role, as they replace its defaults', async () => {
    expect(
      await sources({
        'site.yml':
          '- hosts: all\n  vars:\n    web:\n      selinux: permissive\n  roles:\n    - web\n',
        'roles/web/defaults/main.yml': 'web:\n  selinux: disabled\n',
        'roles/web/vars/main.yml': 'web:\n  firewall: started\n',
        'roles/web/tasks/main.yml': `${TASK('web.selinux')}${TASK('web.firewall')}`,
      }),
    ).toEqual(['roles/web/vars/main.yml:2 web.firewall=started for roles/web/tasks/main.yml:8']);
  });

  it("reads another role's defaults when the role defines nothing, within the same project only", async () => {
    expect(
      await sources({
        'kubespray/roles/defaults/defaults/main/main.yml': 'preinstall_selinux_state: permissive\n',
        'kubespray/roles/node/preinstall/tasks/main.yml': TASK('preinstall_selinux_state'),
        'other/roles/lab/tasks/main.yml': TASK('preinstall_selinux_state'),
      }),
    ).toEqual([
      'kubespray/roles/defaults/defaults/main/main.yml:1 preinstall_selinux_state=permissive for kubespray/roles/node/preinstall/tasks/main.yml:4',
    ]);
  });

  it('reads group vars kept beside an inventory as group vars, over role defaults', async () => {
    expect(
      await sources({
        'inventory/prod/hosts.ini': '[web]\nweb1\n',
        'inventory/prod/group_vars/all.yml': 'web_selinux: permissive\n',
        'inventory/prod/host_vars/web1.yml': 'other_selinux: disabled\n',
        'roles/web/defaults/main.yml': 'web_selinux: enforcing\n',
        'roles/web/tasks/main.yml': `${TASK('web_selinux')}${TASK('other_selinux')}`,
      }),
    ).toEqual([
      'inventory/prod/group_vars/all.yml:1 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'inventory/prod/host_vars/web1.yml:1 other_selinux=disabled for roles/web/tasks/main.yml:8',
    ]);
  });

  it('follows a variable defined as another to the line that sets the value', async () => {
    expect(
      await sources({
        'roles/web/defaults/main.yml': 'web_selinux: "{{ site_selinux | lower }}"\n',
        'group_vars/all/security.yml': 'site_selinux: Permissive\n',
        'roles/web/tasks/main.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      'group_vars/all/security.yml:1 site_selinux=Permissive via web_selinux for roles/web/tasks/main.yml:4',
    ]);
  });

  it("gives a play's tasks the play's vars before anything else", async () => {
    expect(
      await sources({
        'group_vars/all.yml': 'mode: permissive\n',
        'site.yml': `- hosts: all\n  vars:\n    mode: enforcing\n  tasks:\n${TASK('mode').replace(/^/gm, '    ')}`,
      }),
    ).toEqual(['site.yml:3 mode=enforcing for site.yml:8']);
  });

  it("gives a Puppet class its parameter's default, and its module's Hiera data before it", async () => {
    const manifest = [
      "class profile::lab (String $mode = 'permissive') {",
      "  class { 'selinux': mode => $mode }",
      '}',
      "class profile::prod (String $mode = 'permissive') {",
      "  class { 'selinux': mode => $mode }",
      '}',
    ].join('\n');
    expect(
      await sources({
        'site/profile/manifests/lab.pp': manifest,
        'site/profile/data/common.yaml': 'profile::prod::mode: enforcing\n',
      }),
    ).toEqual([
      'site/profile/data/common.yaml:1 profile::prod::mode=enforcing for site/profile/manifests/lab.pp:5',
      "site/profile/manifests/lab.pp:1 mode='permissive' for site/profile/manifests/lab.pp:2",
    ]);
  });

  it("follows a class parameter's default to its module's params class", async () => {
    expect(
      await sources({
        'modules/ssh/manifests/params.pp': "class ssh::params {\n  $mode = 'permissive'\n}\n",
        'modules/ssh/manifests/init.pp': [
          'class ssh (String $mode = $ssh::params::mode) inherits ssh::params {',
          "  class { 'selinux': mode => $mode }",
          '}',
        ].join('\n'),
      }),
    ).toEqual([
      "modules/ssh/manifests/params.pp:2 ssh::params::mode='permissive' via ssh::mode for modules/ssh/manifests/init.pp:2",
    ]);
  });

  it('follows lookup() and hiera() to the Hiera key they name as it stands', async () => {
    expect(
      await sources({
        'site/profile/manifests/lab.pp': [
          'class profile::lab {',
          "  $mode = lookup('profile::lab::selinux')",
          "  class { 'selinux': mode => $mode }",
          "  class { 'audit': mode => hiera('profile::lab::audit', 'on') }",
          "  class { 'other': mode => lookup($key) }",
          '}',
        ].join('\n'),
        'site/profile/data/common.yaml':
          'profile::lab::selinux: permissive\nprofile::lab::audit: off\n',
      }),
    ).toEqual([
      'site/profile/data/common.yaml:1 profile::lab::selinux=permissive via profile::lab::mode for site/profile/manifests/lab.pp:3',
      'site/profile/data/common.yaml:2 profile::lab::audit=off for site/profile/manifests/lab.pp:4',
    ]);
  });

  it('follows a variable named like the key it looks up to that key, not to itself', async () => {
    expect(
      await sources({
        'site/profile/manifests/lab.pp': [
          'class profile::lab {',
          "  $mode = lookup('profile::lab::mode')",
          "  class { 'selinux': mode => $mode }",
          '}',
        ].join('\n'),
        'site/profile/data/common.yaml': 'profile::lab::mode: permissive\n',
      }),
    ).toEqual([
      'site/profile/data/common.yaml:1 profile::lab::mode=permissive for site/profile/manifests/lab.pp:3',
    ]);
  });

  it("gives a cookbook's recipes its attributes, and another cookbook's for the runs that load it", async () => {
    expect(
      await sources({
        'cookbooks/app/attributes/default.rb': "default['app']['mode'] = 'permissive'\n",
        'cookbooks/base/attributes/default.rb':
          "default['app']['mode'] = 'enforcing'\ndefault['base']['mode'] = 'disabled'\n",
        'cookbooks/app/recipes/default.rb':
          "selinux_state 'app' do\n  action node['app']['mode']\nend\nselinux_state 'base' do\n  action node['base']['mode']\nend\n",
      }),
    ).toEqual([
      "cookbooks/app/attributes/default.rb:1 node.app.mode='permissive' for cookbooks/app/recipes/default.rb:2",
      "cookbooks/base/attributes/default.rb:1 node.app.mode='enforcing' for cookbooks/app/recipes/default.rb:2",
      "cookbooks/base/attributes/default.rb:2 node.base.mode='disabled' for cookbooks/app/recipes/default.rb:5",
    ]);
  });

  it('ranks node attributes by their precedence level, whichever cookbook sets them', async () => {
    const recipe = "selinux_state 'app' do\n  action node['app']['mode']\nend\n";
    expect(
      await sources({
        'cookbooks/app/attributes/default.rb':
          "override['app']['mode'] = 'enforcing'\ndefault['app']['mode'] = 'disabled'\n",
        'cookbooks/wrapper/attributes/default.rb': "normal['app']['mode'] = 'permissive'\n",
        'cookbooks/app/recipes/default.rb': recipe,
      }),
    ).toEqual([
      "cookbooks/app/attributes/default.rb:1 node.app.mode='enforcing' for cookbooks/app/recipes/default.rb:2",
    ]);
    expect(
      await sources({
        'cookbooks/app/attributes/default.rb': "default['app']['mode'] = 'enforcing'\n",
        'cookbooks/wrapper/attributes/default.rb':
          "node.force_override['app'].tap do |app|\n  app['mode'] = 'permissive'\nend\n",
        'cookbooks/app/recipes/default.rb': recipe,
      }),
    ).toEqual([
      "cookbooks/app/attributes/default.rb:1 node.app.mode='enforcing' for cookbooks/app/recipes/default.rb:2",
      "cookbooks/wrapper/attributes/default.rb:2 node.app.mode='permissive' for cookbooks/app/recipes/default.rb:2",
    ]);
  });

  it("applies the definition file's own suppressions to what lands there", async () => {
    expect(
      await sources({
        'roles/web/defaults/main.yml':
          'web_selinux: permissive # posture:ignore where-from -- lab hosts only\n',
        'roles/web/tasks/main.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      'roles/web/defaults/main.yml:1 web_selinux=permissive for roles/web/tasks/main.yml:4 [suppressed]',
    ]);
  });

  it('gives the same answer whatever order the files come in', async () => {
    const files = {
      'roles/web/tasks/main.yml': TASK('web_selinux'),
      'roles/web/defaults/main.yml': 'web_selinux: permissive\n',
    };
    const reversed = Object.fromEntries(Object.entries(files).reverse());
    expect(await sources(files)).toEqual(await sources(reversed));
  });
});

describe('values given where a role is applied', () => {
  const play = (lines: string[]) => `${lines.join('\n')}\n`;
  const role = {
    'roles/web/defaults/main.yml': 'web_selinux: enforcing\n',
    'roles/web/tasks/main.yml': TASK('web_selinux'),
  };

  it("gives the roles a play lists the play's vars, over role defaults and group_vars", async () => {
    expect(
      await sources({
        ...role,
        'group_vars/all.yml': 'web_selinux: enforcing\n',
        'site.yml': play([
          '- hosts: web',
          '  vars:',
          '    web_selinux: permissive',
          '  roles:',
          '    - web',
        ]),
      }),
    ).toEqual([
      'group_vars/all.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
      'site.yml:3 web_selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it("lets a role's vars win over the play's vars, and its parameters win over both", async () => {
    const roleVars = { ...role, 'roles/web/vars/main.yml': 'web_selinux: enforcing\n' };
    expect(
      await sources({
        ...roleVars,
        'site.yml': play([
          '- hosts: web',
          '  vars:',
          '    web_selinux: permissive',
          '  roles:',
          '    - web',
        ]),
      }),
    ).toEqual(['roles/web/vars/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4']);
    expect(
      await sources({
        ...roleVars,
        'site.yml': play([
          '- hosts: web',
          '  vars:',
          '    web_selinux: disabled',
          '  roles:',
          '    - role: web',
          '      web_selinux: permissive',
          '    - role: web',
          '      vars:',
          '        web_selinux: permissive',
        ]),
      }),
    ).toEqual([
      'roles/web/vars/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
      'site.yml:6 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'site.yml:9 web_selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it('gives a role the vars of the task that includes it, and of the play around that task', async () => {
    expect(
      await sources({
        ...role,
        'roles/web/defaults/main.yml': 'web_selinux: enforcing\nweb_mode: enforcing\n',
        'roles/web/tasks/main.yml': TASK('web_selinux') + TASK('web_mode'),
        'site.yml': play([
          '- hosts: web',
          '  vars:',
          '    web_mode: disabled',
          '  tasks:',
          '    - ansible.builtin.include_role:',
          '        name: web',
          '      vars:',
          '        web_selinux: permissive',
        ]),
        'roles/app/tasks/main.yml': play([
          '- ansible.builtin.import_role:',
          '    name: web',
          '  vars:',
          '    web_selinux: disabled',
        ]),
      }),
    ).toEqual([
      'roles/app/tasks/main.yml:4 web_selinux=disabled for roles/web/tasks/main.yml:4',
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
      'roles/web/defaults/main.yml:2 web_mode=enforcing for roles/web/tasks/main.yml:8',
      'site.yml:3 web_mode=disabled for roles/web/tasks/main.yml:8',
      'site.yml:8 web_selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it('keeps the values of each play apart, and reaches only the roles of its own project', async () => {
    expect(
      await sources({
        ...role,
        'roles/web/vars/main.yml': 'web_mode: permissive\n',
        'site.yml': play([
          '- hosts: lab',
          '  vars:',
          '    web_selinux: permissive',
          '  roles: [web]',
          '- hosts: prod',
          '  roles:',
          '    - { role: web, web_selinux: disabled }',
          '- hosts: other',
          '  vars:',
          '    web_selinux: disabled',
          '  roles: [other.collection.web, "{{ chosen_role }}", ../web]',
        ]),
        'other/roles/web/tasks/main.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      // The other project's role of the same name reads these defaults only for want of its own.
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4 (and 1 other use)',
      'site.yml:3 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'site.yml:7 web_selinux=disabled for roles/web/tasks/main.yml:4',
    ]);
  });

  it("gives a role the parameters another role's dependencies give it", async () => {
    expect(
      await sources({
        ...role,
        'roles/app/meta/main.yml': play([
          'galaxy_info:',
          '  author: ops',
          'dependencies:',
          '  - role: web',
          '    web_selinux: permissive',
          '  - common',
        ]),
      }),
    ).toEqual([
      'roles/app/meta/main.yml:5 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
    ]);
  });

  it("gives what set_fact sets to its role, or to its play's roles, beside the role's own values", async () => {
    expect(
      await sources({
        ...role,
        'roles/web/tasks/main.yml':
          '- ansible.builtin.set_fact:\n    web_selinux: permissive\n    cacheable: true\n' +
          TASK('web_selinux') +
          TASK('web_site.mode'),
        'site.yml': play([
          '- hosts: web',
          '  roles: [web]',
          '  tasks:',
          '    - set_fact:',
          '        web_site: { mode: disabled }',
        ]),
      }),
    ).toEqual([
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:7',
      'roles/web/tasks/main.yml:2 web_selinux=permissive for roles/web/tasks/main.yml:7',
      'site.yml:5 web_site.mode=disabled for roles/web/tasks/main.yml:11',
    ]);
  });

  it("gives the play's roles the files its vars_files names, read as Ansible wherever they sit", async () => {
    expect(
      await sources({
        ...role,
        'playbooks/site.yml': play([
          '- hosts: web',
          '  vars_files:',
          '    - ../env/lab.yml',
          '    - "env/{{ stage }}.yml"',
          '    - /etc/ansible/outside.yml',
          '  roles: [web]',
        ]),
        'env/lab.yml': 'web_selinux: permissive\n',
      }),
    ).toEqual([
      'env/lab.yml:1 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
    ]);
  });

  it('reads no file of the run for a vars file or include_vars named by an absolute path', async () => {
    expect(
      await sources({
        ...role,
        'site.yml': play([
          '- hosts: web',
          '  vars_files: [/env/lab.yml]',
          '  pre_tasks:',
          '    - ansible.builtin.include_vars: /env/lab.yml',
          '  roles: [web]',
        ]),
        'env/lab.yml': 'web_selinux: permissive\n',
      }),
    ).toEqual([
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
    ]);
  });

  it("gives the play's own tasks its vars_files, over the play's vars", async () => {
    expect(
      await sources({
        'site.yml': play([
          '- hosts: web',
          '  vars:',
          '    mode: enforcing',
          '  vars_files: [env/lab.yml]',
          '  tasks:',
          ...TASK('mode')
            .trimEnd()
            .split('\n')
            .map((line) => `    ${line}`),
        ]),
        'env/lab.yml': 'mode: permissive\n',
      }),
    ).toEqual([
      'env/lab.yml:1 mode=permissive for site.yml:9',
      'site.yml:3 mode=enforcing for site.yml:9',
    ]);
  });

  it('gives the files a playbook loads with include_vars to its roles and its own tasks', async () => {
    expect(
      await sources({
        ...role,
        'site.yml': play([
          '- hosts: web',
          '  pre_tasks:',
          '    - ansible.builtin.include_vars: lab.yml',
          '    - ansible.builtin.include_vars:',
          '        file: env/prod.yml',
          '    - ansible.builtin.include_vars:',
          '        file: env/named.yml',
          '        name: named',
          '    - ansible.builtin.include_vars: "env/{{ stage }}.yml"',
          '  roles: [web]',
          '  tasks:',
          ...TASK('prod_mode')
            .trimEnd()
            .split('\n')
            .map((line) => `    ${line}`),
        ]),
        'vars/lab.yml': 'web_selinux: permissive\n',
        'env/prod.yml': 'prod_mode: disabled\nweb_selinux: disabled\n',
        'env/named.yml': 'web_selinux: disabled\n',
      }),
    ).toEqual([
      'env/prod.yml:1 prod_mode=disabled for site.yml:15',
      'env/prod.yml:2 web_selinux=disabled for roles/web/tasks/main.yml:4',
      // The playbook's `vars/` holds the tree's variables: over the role's defaults everywhere.
      'vars/lab.yml:1 web_selinux=permissive for roles/web/tasks/main.yml:4',
    ]);
  });

  it('gives the task files an include_tasks or import_tasks names the vars of that task', async () => {
    expect(
      await sources({
        'roles/web/tasks/main.yml': play([
          '- ansible.builtin.include_tasks: selinux.yml',
          '  vars:',
          '    web_selinux: permissive',
          '- ansible.builtin.import_tasks:',
          '    file: sub/other.yml',
          '  vars:',
          '    other_selinux: disabled',
          '- ansible.builtin.include_tasks: "{{ family }}.yml"',
          '  vars:',
          '    web_selinux: disabled',
        ]),
        'roles/web/tasks/selinux.yml': TASK('web_selinux'),
        'roles/web/tasks/sub/other.yml': TASK('other_selinux'),
        'roles/web/tasks/unrelated.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      'roles/web/tasks/main.yml:3 web_selinux=permissive for roles/web/tasks/selinux.yml:4',
      'roles/web/tasks/main.yml:7 other_selinux=disabled for roles/web/tasks/sub/other.yml:4',
    ]);
  });

  it("follows vars_files and include_vars named from the playbook's folder, as written out", async () => {
    expect(
      await sources({
        ...role,
        'playbooks/site.yml': play([
          '- hosts: web',
          '  vars_files:',
          '    - "{{ playbook_dir }}/../env/lab.yml"',
          '    - "{{ playbook_dir }}/env/{{ stage }}.yml"',
          '  pre_tasks:',
          '    - ansible.builtin.include_vars: "{{ playbook_dir }}/prod.yml"',
          '  roles: [web]',
        ]),
        'env/lab.yml': 'web_selinux: permissive\n',
        'playbooks/prod.yml': 'web_selinux: disabled\n',
      }),
    ).toEqual([
      'env/lab.yml:1 web_selinux=permissive for roles/web/tasks/main.yml:4',
      'playbooks/prod.yml:1 web_selinux=disabled for roles/web/tasks/main.yml:4',
      'roles/web/defaults/main.yml:1 web_selinux=enforcing for roles/web/tasks/main.yml:4',
    ]);
  });

  it("follows an include_tasks named from the role's folder, and not one from a playbook's", async () => {
    expect(
      await sources({
        'roles/web/tasks/main.yml': play([
          '- ansible.builtin.include_tasks: "{{ role_path }}/tasks/selinux.yml"',
          '  vars:',
          '    web_selinux: permissive',
          // Any playbook may apply the role: its folder is not known here.
          '- ansible.builtin.include_tasks: "{{ playbook_dir }}/other.yml"',
          '  vars:',
          '    web_selinux: disabled',
        ]),
        'roles/web/tasks/selinux.yml': TASK('web_selinux'),
        'roles/web/tasks/other.yml': TASK('web_selinux'),
        'other.yml': TASK('web_selinux'),
      }),
    ).toEqual([
      'roles/web/tasks/main.yml:3 web_selinux=permissive for roles/web/tasks/selinux.yml:4',
    ]);
  });

  it('reaches a role kept in a subfolder of roles/, whatever order the files come in', async () => {
    const files = {
      'site.yml': play([
        '- hosts: all',
        '  roles:',
        '    - role: kubernetes/node',
        '      node_selinux: disabled',
      ]),
      'roles/kubernetes/node/tasks/main.yml': TASK('node_selinux'),
    };
    const expected = [
      'site.yml:4 node_selinux=disabled for roles/kubernetes/node/tasks/main.yml:4',
    ];
    expect(await sources(files)).toEqual(expected);
    expect(await sources(Object.fromEntries(Object.entries(files).reverse()))).toEqual(expected);
  });
  it("reaches a collection's role by its full name, in the collections folder beside the play", async () => {
    const files = {
      'site.yml': play([
        '- hosts: all',
        '  roles:',
        '    - role: acme.infra.ssh',
        '      ssh_selinux: disabled',
      ]),
      'collections/ansible_collections/acme/infra/roles/ssh/tasks/main.yml': TASK('ssh_selinux'),
      'collections/ansible_collections/acme/other/roles/ssh/tasks/main.yml': TASK('ssh_selinux'),
    };
    expect(await sources(files)).toEqual([
      'site.yml:4 ssh_selinux=disabled for collections/ansible_collections/acme/infra/roles/ssh/tasks/main.yml:4',
    ]);
  });
});

describe('parameters a Puppet class declaration gives', () => {
  const module = {
    'modules/ssh/manifests/init.pp': [
      "class ssh (String $mode = 'enforcing') {",
      "  class { 'selinux': mode => $mode }",
      '}',
    ].join('\n'),
  };

  it('reach the class they declare, over its Hiera data and its default, wherever they sit', async () => {
    expect(
      await sources({
        ...module,
        'modules/ssh/data/common.yaml': 'ssh::mode: enforcing\n',
        'site/profile/manifests/lab.pp': [
          'class profile::lab {',
          "  class { '::ssh':",
          "    mode    => 'permissive',",
          "    require => Class['base'],",
          '  }',
          '}',
        ].join('\n'),
      }),
    ).toEqual([
      'modules/ssh/data/common.yaml:1 ssh::mode=enforcing for modules/ssh/manifests/init.pp:2',
      "site/profile/manifests/lab.pp:3 ssh::mode='permissive' for modules/ssh/manifests/init.pp:2",
    ]);
  });

  it('are read where the declaration sits when they name a variable', async () => {
    const profile = (name: string) =>
      [
        `class profile::${name} (String $login = 'permissive') {`,
        "  class { 'ssh': mode => $login }",
        '}',
      ].join('\n');
    expect(
      await sources({
        ...module,
        'site/profile/manifests/lab.pp': profile('lab'),
        'site/profile/manifests/prod.pp': profile('prod'),
        'site/profile/data/common.yaml': 'profile::prod::login: disabled\n',
      }),
    ).toEqual([
      "modules/ssh/manifests/init.pp:1 mode='enforcing' for modules/ssh/manifests/init.pp:2",
      'site/profile/data/common.yaml:1 profile::prod::login=disabled via ssh::mode for modules/ssh/manifests/init.pp:2 (and 1 other use)',
      // The module's reading lands on the same line as the profile's own, which comes first.
      "site/profile/manifests/lab.pp:1 login='permissive' for site/profile/manifests/lab.pp:2",
    ]);
  });

  it("and a defined type's instance, its parameters for that instance, and its resource defaults, for every instance", async () => {
    expect(
      await sources({
        'modules/ssh/manifests/config.pp': [
          "define ssh::config (String $mode = 'enforcing') {",
          "  class { 'selinux': mode => $mode }",
          '}',
        ].join('\n'),
        'manifests/site.pp': [
          "ssh::config { 'lab': mode => 'permissive' }",
          "Ssh::Config { mode => 'disabled' }",
          "file { '/etc/motd': mode => '0644' }",
        ].join('\n'),
      }),
    ).toEqual([
      "manifests/site.pp:1 ssh::config::mode='permissive' for modules/ssh/manifests/config.pp:2",
      "manifests/site.pp:2 ssh::config::mode='disabled' for modules/ssh/manifests/config.pp:2",
      "modules/ssh/manifests/config.pp:1 mode='enforcing' for modules/ssh/manifests/config.pp:2",
    ]);
  });

  it('leave defaults, overrides and other classes alone', async () => {
    expect(
      await sources({
        ...module,
        'manifests/site.pp': [
          "Class { mode => 'disabled' }",
          "Class['ssh'] { mode => 'disabled' }",
          "class { 'ssh::client': mode => 'disabled' }",
        ].join('\n'),
      }),
    ).toEqual([
      "modules/ssh/manifests/init.pp:1 mode='enforcing' for modules/ssh/manifests/init.pp:2",
    ]);
  });
});

describe('attributes a wrapper recipe sets', () => {
  it('reach the cookbooks it includes, over their attribute files', async () => {
    expect(
      await sources({
        'cookbooks/app/attributes/default.rb': "default['app']['mode'] = 'enforcing'\n",
        'cookbooks/app/recipes/default.rb':
          "selinux_state 'app' do\n  action node['app']['mode']\nend\n",
        'cookbooks/wrapper/recipes/default.rb':
          "node.default['app']['mode'] = 'permissive'\ninclude_recipe 'app::default'\n",
        'cookbooks/other/recipes/default.rb': "node.default['app']['mode'] = 'disabled'\n",
      }),
    ).toEqual([
      "cookbooks/app/attributes/default.rb:1 node.app.mode='enforcing' for cookbooks/app/recipes/default.rb:2",
      "cookbooks/wrapper/recipes/default.rb:1 node.app.mode='permissive' for cookbooks/app/recipes/default.rb:2",
    ]);
  });
});

describe('attributes a Chef role, environment or node sets', () => {
  const cookbook = {
    'cookbooks/app/attributes/default.rb':
      "default['app']['mode'] = 'enforcing'\nforce_override['app']['lock'] = 'enforcing'\n",
    'cookbooks/app/recipes/default.rb':
      "selinux_state 'app' do\n  action node['app']['mode']\nend\nselinux_state 'lock' do\n  action node['app']['lock']\nend\n",
  };

  it('reach the cookbooks of every run that has the role, over attribute files, below force_override', async () => {
    expect(
      await sources({
        ...cookbook,
        'roles/lab.json': JSON.stringify(
          {
            name: 'lab',
            override_attributes: { app: { mode: 'permissive', lock: 'permissive' } },
            run_list: ['recipe[app]'],
          },
          null,
          2,
        ),
        'environments/dev.rb': "name 'dev'\ndefault_attributes 'app' => { 'mode' => 'disabled' }\n",
      }),
    ).toEqual([
      "cookbooks/app/attributes/default.rb:1 node.app.mode='enforcing' for cookbooks/app/recipes/default.rb:2",
      "cookbooks/app/attributes/default.rb:2 node.app.lock='enforcing' for cookbooks/app/recipes/default.rb:5",
      "environments/dev.rb:2 node.app.mode='disabled' for cookbooks/app/recipes/default.rb:2",
      'roles/lab.json:5 node.app.mode="permissive" for cookbooks/app/recipes/default.rb:2',
    ]);
  });
});

describe('references a value reads', () => {
  const string = (text: string) => ({
    kind: 'string' as const,
    value: text,
    text,
    dynamic: true,
    range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
  });

  it('reads Jinja2 names, literals and defaults, and leaves computed expressions alone', () => {
    expect(referencesIn(string('{{ selinux_state }}'), 'ansible')).toMatchObject([
      { name: 'selinux_state', whole: true },
    ]);
    expect(referencesIn(string("{{ nginx['port'] | int }}"), 'ansible')).toMatchObject([
      { name: 'nginx.port' },
    ]);
    expect(referencesIn(string("NOPASSWD: {{ cmds | default('ALL') }}"), 'ansible')).toMatchObject([
      { name: 'cmds', fallback: 'ALL', whole: false },
    ]);
    expect(referencesIn(string("{{ 'NOPASSWD' }}: ALL"), 'ansible')).toMatchObject([
      { fallback: 'NOPASSWD' },
    ]);
    expect(referencesIn(string("{{ realm | default('a|b') | lower }}"), 'ansible')).toMatchObject([
      { name: 'realm', fallback: 'a|b', transforms: ['lower'] },
    ]);
    expect(referencesIn(string('{{ port }} {{ host'), 'ansible')).toMatchObject([
      { name: 'port', start: 0, end: 10 },
    ]);
    expect(referencesIn(string('{{ a ~ b }}'), 'ansible')).toEqual([]);
  });

  it('reads the variables default() falls back on, in turn, and no Jinja2 literal as one', () => {
    expect(
      referencesIn(
        string("{{ site_port | default(ssh['port']) | d(port) | default('22') }}"),
        'ansible',
      ),
    ).toMatchObject([{ name: 'site_port', fallbackNames: ['ssh.port', 'port'], fallback: '22' }]);
    // After a literal, later defaults are never reached.
    expect(referencesIn(string("{{ a | default('x') | default(b) }}"), 'ansible')).toMatchObject([
      { name: 'a', fallback: 'x' },
    ]);
    for (const literal of ['omit', 'true', 'False', 'none'])
      expect(
        referencesIn(string(`{{ a | default(${literal}) }}`), 'ansible')[0],
      ).not.toHaveProperty('fallbackNames');
  });

  it('reads the two literals an expression picks by a name, and the test it picks them by', () => {
    const choiceOf = (text: string) =>
      referencesIn(string(text), 'ansible').map(({ name, whole, choice }) => ({
        name,
        whole,
        choice,
      }));
    const bool = { test: 'bool', whenTrue: 'yes', whenFalse: 'no' };
    const truth = { ...bool, test: 'truth' };
    expect(choiceOf("{{ 'yes' if (login | bool) else 'no' }}")).toEqual([
      { name: 'login', whole: false, choice: bool },
    ]);
    expect(choiceOf('{{ "yes" if login|bool else "no" }}')).toEqual([
      { name: 'login', whole: false, choice: bool },
    ]);
    expect(choiceOf("{{ 'yes' if ssh.login else 'no' }}")).toEqual([
      { name: 'ssh.login', whole: false, choice: truth },
    ]);
    expect(choiceOf("{{ login | ternary('yes', 'no') }}")).toEqual([
      { name: 'login', whole: false, choice: truth },
    ]);
    expect(choiceOf("{{ login | default('no') | bool | ternary('yes', 'no') }}")).toEqual([
      { name: 'login', whole: false, choice: bool },
    ]);
    expect(choiceOf("{{ 'no' if login != 'on' else 'yes' }}")).toEqual([
      { name: 'login', whole: false, choice: { ...bool, test: { equals: 'on' } } },
    ]);
    expect(choiceOf("{{ 'yes' if login is defined else 'no' }}")).toEqual([
      { name: 'login', whole: false, choice: { ...bool, test: 'defined' } },
    ]);
    // Other conditions, and what follows `ternary`, leave the value unknown.
    expect(choiceOf("{{ 'yes' if login == 1 else 'no' }}")).toEqual([]);
    expect(choiceOf("{{ 'yes' if login is not defined else 'no' }}")).toEqual([]);
    expect(choiceOf("{{ 'yes' if (login else 'no' }}")).toEqual([]);
    expect(choiceOf("{{ login | ternary('yes', 'no') | upper }}")).toEqual([]);
    expect(choiceOf("{{ login | ternary('yes', 'no', 'unset') }}")).toEqual([]);
    expect(choiceOf("{{ login | upper | ternary('yes', 'no') }}")).toEqual([]);
  });

  it("reads the two literals a Ruby ternary or Puppet's if expression picks by a name", () => {
    const choiceOf = (text: string, language: 'chef' | 'puppet') =>
      referencesIn(string(text), language).map(({ name, whole, choice }) => ({
        name,
        whole,
        choice,
      }));
    const set = { test: 'set', whenTrue: '/sbin/sulogin', whenFalse: '/sbin/sushell' };
    const swapped = { ...set, whenTrue: set.whenFalse, whenFalse: set.whenTrue };
    expect(choiceOf("SINGLE=#{@single ? '/sbin/sulogin' : '/sbin/sushell'}", 'chef')).toEqual([
      { name: '@single', whole: false, choice: set },
    ]);
    expect(
      choiceOf(`#{node['init']['single'] ? "/sbin/sulogin": "/sbin/sushell"}`, 'chef'),
    ).toEqual([{ name: 'node.init.single', whole: false, choice: set }]);
    expect(choiceOf("#{!@single ? '/sbin/sulogin' : '/sbin/sushell'}", 'chef')).toEqual([
      { name: '@single', whole: false, choice: swapped },
    ]);
    expect(
      choiceOf("SINGLE=${if $single { '/sbin/sulogin' } else { '/sbin/sushell' }}", 'puppet'),
    ).toEqual([{ name: 'single', whole: false, choice: set }]);
    expect(
      choiceOf("${if !$::boot::single {'/sbin/sulogin'} else {'/sbin/sushell'}}", 'puppet'),
    ).toEqual([{ name: 'boot::single', whole: false, choice: swapped }]);
    expect(choiceOf("PROMPT=${bool2str($boot::prompt, 'yes', 'no')}", 'puppet')).toEqual([
      {
        name: 'boot::prompt',
        whole: false,
        choice: { test: 'set', whenTrue: 'yes', whenFalse: 'no' },
      },
    ]);
    // A negation alone, a literal that interpolates, or another test leaves the value unknown.
    expect(choiceOf('#{!@single}', 'chef')).toEqual([]);
    expect(choiceOf(`#{@single ? "#{@a}" : 'b'}`, 'chef')).toEqual([
      { name: '@a', whole: false, choice: undefined },
    ]);
    expect(choiceOf("#{@single.nil? ? 'a' : 'b'}", 'chef')).toEqual([]);
    expect(choiceOf("${if $single == 'on' { 'a' } else { 'b' }}", 'puppet')).toEqual([
      { name: 'single', whole: false, choice: undefined },
    ]);
  });

  it('binds a picked literal by the truth of the value the variable is given', async () => {
    const template = [
      "PasswordAuthentication {{ 'yes' if (login | bool) else 'no' }}",
      "X11Forwarding {{ 'yes' if x11 else 'no' }}",
      "PermitEmptyPasswords {{ empty | default('no') | bool | ternary('yes', 'no') }}",
      "PermitTunnel {{ 'yes' if tunnel == 'on' else 'no' }}",
      '',
    ].join('\n');
    const judged = async (defaults: string) =>
      (
        await analyze(
          [
            { path: 'roles/ssh/templates/sshd_config.j2', content: template },
            { path: 'roles/ssh/defaults/main.yml', content: defaults },
          ],
          { rules: [insecureSshServer] },
        )
      ).findings.map((finding) => /writes `([^`]+)`/.exec(finding.message)?.[1]);
    expect(await judged('login: "On"\nx11: [display]\n')).toEqual([
      'PasswordAuthentication yes',
      'X11Forwarding yes',
    ]);
    expect(await judged('login: "enabled"\nx11: ""\nempty: 1\n')).toEqual([
      'PermitEmptyPasswords yes',
    ]);
    expect(await judged('login: 0\nx11: 0\nempty: false\ntunnel: true\n')).toEqual([]);
    expect(await judged('tunnel: "on"\n')).toEqual(['PermitTunnel yes']);
  });

  it("reads what a known role writes from a play's values, unless the run holds the role", async () => {
    const site = [
      '- hosts: all',
      '  vars:',
      '    security_ssh_permit_root_login: "yes"',
      '  roles:',
      '    - geerlingguy.security',
      '',
    ].join('\n');
    const messages = async (files: Record<string, string>) =>
      (
        await analyze(
          Object.entries(files).map(([path, content]) => ({ path, content })),
          { rules: [insecureSshServer] },
        )
      ).findings.map((finding) => `${finding.path}:${finding.range.line} ${finding.message}`);
    expect(await messages({ 'site.yml': site })).toEqual([
      expect.stringMatching(
        /^site\.yml:3 `security_ssh_permit_root_login: "yes"`, used as `PermitRootLogin` in sshd_config by the role `geerlingguy\.security` applied at site\.yml:5, writes `PermitRootLogin yes`/,
      ),
    ]);
    // A role whose code is in the run is read from that code, whatever its name.
    expect(
      await messages({
        'site.yml': site,
        'roles/geerlingguy.security/tasks/main.yml': '- name: nothing\n  ansible.builtin.debug:\n',
      }),
    ).toEqual([]);
  });

  it('reads Puppet interpolations and Ruby node attributes in strings', () => {
    expect(
      referencesIn(string('${user} ALL=(ALL) NOPASSWD: $commands'), 'puppet').map(
        (reference) => reference.name,
      ),
    ).toEqual(['user', 'commands']);
    expect(
      referencesIn(string("ssh #{node['deploy']['ssh_options']} -T"), 'chef').map(
        (reference) => reference.name,
      ),
    ).toEqual(['node.deploy.ssh_options']);
  });
});
