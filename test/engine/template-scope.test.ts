import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

/** A module repository at the root of the run: class `ssh::server` renders the template. */
const MODULE = {
  'manifests/init.pp': 'class ssh {\n  contain ssh::server\n}\n',
  'manifests/server.pp':
    "class ssh::server (\n  String $permit_root_login = 'no',\n) {\n  file { '/etc/ssh/sshd_config':\n    content      => template('ssh/sshd_config.erb'),\n    validate_cmd => '/usr/sbin/sshd -t -f %',\n  }\n}\n",
  'templates/sshd_config.erb': 'PermitRootLogin <%= @permit_root_login %>\n',
};

async function rootLoginFindings(files: Record<string, string>): Promise<string[]> {
  return (await sshFindings(files)).map((finding) => finding.split(' ')[0] ?? '');
}

/** `path:line message` of each insecure-ssh-server finding. */
async function sshFindings(files: Record<string, string>): Promise<string[]> {
  const result = await analyze(Object.entries(files).map(([path, content]) => ({ path, content })));
  expect(result.errors).toEqual([]);
  return result.findings
    .filter((finding) => finding.ruleId === 'insecure-ssh-server')
    .map((finding) => `${finding.path}:${finding.range.line} ${finding.message}`);
}

describe('the scope a Puppet template is rendered in', () => {
  it('is the class that calls template(): its Hiera keys reach the template', async () => {
    expect(
      await rootLoginFindings({
        ...MODULE,
        'data/common.yaml': "---\nssh::server::permit_root_login: 'yes'\n",
      }),
    ).toEqual(['data/common.yaml:2']);
  });

  it('reads a variable written as text (`.to_s`) as the variable', async () => {
    expect(
      await rootLoginFindings({
        ...MODULE,
        'templates/sshd_config.erb': 'PermitRootLogin <%= @permit_root_login.to_s %>\n',
        'data/common.yaml': "---\nssh::server::permit_root_login: 'yes'\n",
      }),
    ).toEqual(['data/common.yaml:2']);
  });

  it("is not the module's own class when another class renders the template", async () => {
    const files = inFolder('modules/ssh', {
      ...MODULE,
      'data/common.yaml': "---\nssh::permit_root_login: 'yes'\n",
    });
    expect(await rootLoginFindings(files)).toEqual([]);
  });

  it('holds in a module folder named after its repository', async () => {
    const files = inFolder('modules/puppet-ssh', {
      ...MODULE,
      'data/common.yaml': "---\nssh::server::permit_root_login: 'yes'\n",
    });
    expect(await rootLoginFindings(files)).toEqual(['modules/puppet-ssh/data/common.yaml:2']);
  });

  it("reads the rendering class's parameter defaults, where Hiera sets nothing", async () => {
    const files = {
      ...MODULE,
      'manifests/server.pp': MODULE['manifests/server.pp'].replace("= 'no'", "= 'yes'"),
    };
    const [finding, ...others] = await sshFindings(files);
    expect(others).toEqual([]);
    expect(finding).toMatch(
      /^manifests\/server\.pp:2 `\$permit_root_login = 'yes'`, used as `PermitRootLogin` in sshd_config at templates\/sshd_config\.erb:1/,
    );
  });

  it('lets Hiera override a parameter default, as automatic parameter lookup does', async () => {
    const files = {
      ...MODULE,
      'manifests/server.pp': MODULE['manifests/server.pp'].replace("= 'no'", "= 'yes'"),
      'data/common.yaml': "---\nssh::server::permit_root_login: 'no'\n",
    };
    expect(await sshFindings(files)).toEqual([]);
  });

  it('reads the variables the class sets in its body, which Hiera does not override', async () => {
    const files = {
      ...MODULE,
      'manifests/server.pp': MODULE['manifests/server.pp'].replace(
        '{\n  file',
        "{\n  $login = 'yes'\n  file",
      ),
      'templates/sshd_config.erb': 'PermitRootLogin <%= @login %>\n',
      'data/common.yaml': "---\nssh::server::login: 'no'\n",
    };
    expect(await rootLoginFindings(files)).toEqual(['manifests/server.pp:4']);
  });

  it("reads no class's defaults for a template a defined type renders", async () => {
    const files = {
      'manifests/instance.pp':
        "define ssh::instance (\n  String $permit_root_login = 'yes',\n) {\n  file { \"/etc/ssh/sshd_config_${title}\":\n    content => template('ssh/sshd_config.erb'),\n  }\n}\n",
      'manifests/server.pp': MODULE['manifests/server.pp'].replace("= 'no'", "= 'yes'"),
      'templates/sshd_config.erb': MODULE['templates/sshd_config.erb'],
    };
    // Two callers, one of them a defined type: no one scope, so no default is the template's.
    expect(await sshFindings(files)).toEqual([]);
  });
});

function inFolder(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, content]) => [`${folder}/${path}`, content]),
  );
}

describe('the template an Ansible task renders', () => {
  const role = {
    'roles/ssh/tasks/main.yml': [
      '- name: Configure sshd',
      '  ansible.builtin.template:',
      '    src: "{{ role_path }}/templates/sshd.j2"',
      '    dest: /etc/ssh/sshd_config',
      "    validate: '/usr/sbin/sshd -t -f %s'",
      '  vars:',
      "    root_login: 'yes'",
    ].join('\n'),
    'roles/ssh/templates/sshd.j2': 'PermitRootLogin {{ root_login }}\nPasswordAuthentication no\n',
  };

  it("is found, and given the task's vars, when its path starts from the role's folder", async () => {
    expect(await rootLoginFindings(role)).toEqual(['roles/ssh/tasks/main.yml:7']);
  });

  it("is found when its path is written from the role's folder, as Ansible also looks there", async () => {
    const tasks = role['roles/ssh/tasks/main.yml'].replace(
      '"{{ role_path }}/templates/sshd.j2"',
      'templates/sshd.j2',
    );
    expect(await rootLoginFindings({ ...role, 'roles/ssh/tasks/main.yml': tasks })).toEqual([
      'roles/ssh/tasks/main.yml:7',
    ]);
  });

  it('is judged as what it is written to when its own text sets the value', async () => {
    expect(
      await rootLoginFindings({
        ...role,
        'roles/ssh/templates/sshd.j2': 'PermitRootLogin yes\n',
      }),
    ).toEqual(['roles/ssh/templates/sshd.j2:1']);
  });
});
