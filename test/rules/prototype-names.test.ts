/**
 * Names a file chooses that are also the names of properties every JavaScript object inherits
 * (`constructor`, `toString`, `__proto__`): as module, resource, command, attribute and variable
 * names, in every language, read by every rule. A table of knowledge written as an object
 * literal answers such a name with an inherited function, where a rule expects its own entry or
 * nothing, and the file would fail with an internal error.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { defaultPolicy } from '../../src/policy/defaults.js';
import { RULES } from '../../src/rules/index.js';

const NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
];

/** Modules whose arguments rules look up by name in tables of their own. */
const KNOWN_MODULES = [
  'community.docker.docker_container',
  'containers.podman.podman_container',
  'ansible.builtin.get_url',
  'ansible.builtin.lineinfile',
  'ansible.posix.sysctl',
  'ansible.builtin.user',
  'ansible.builtin.service',
  'ansible.builtin.apt_repository',
  'ansible.builtin.git',
  'ansible.posix.mount',
  'ansible.builtin.unarchive',
  'ansible.builtin.uri',
];

/** Every rule, the opt-in ones too, on code written in production paths. */
function everyRule() {
  const base = defaultPolicy();
  return {
    ...base,
    testCode: 'production' as const,
    rules: {
      ...base.rules,
      ...Object.fromEntries(RULES.map((rule) => [rule.meta.id, { enabled: true }])),
    },
  };
}

function ansibleFiles(name: string): Record<string, string> {
  return {
    [`roles/${name}/tasks/main.yml`]: [
      `- name: ${name} as a module and its arguments`,
      `  ${name}:`,
      `    ${name}: ${name}`,
      `    constructor: "{{ ${name} }}"`,
      `    state: ${name}`,
      `  become_user: ${name}`,
      `  vars:`,
      `    ${name}: ${name}`,
      `- name: ${name} as a command`,
      `  ansible.builtin.command: ${name} --insecure -k https://${name}.example.com`,
      `- name: ${name} in a shell pipeline`,
      `  ansible.builtin.shell: curl https://${name}.example.com/x | ${name} -o ${name}=no`,
      `- name: ${name} as a file`,
      `  ansible.builtin.template:`,
      `    src: ${name}.j2`,
      `    dest: /etc/${name}/${name}.conf`,
      `    mode: "${name}"`,
      `    owner: ${name}`,
      `- name: ${name} as a package`,
      `  ansible.builtin.package:`,
      `    name: ${name}`,
      `    state: present`,
      ...KNOWN_MODULES.flatMap((module) => [
        `- name: ${name} as an argument of ${module}`,
        `  ${module}:`,
        `    ${name}: host`,
        `    dest: /etc/${name}`,
      ]),
      '',
    ].join('\n'),
    [`roles/${name}/defaults/main.yml`]: `---\n${name}: ${name}\n${name}_password: ${name}\n`,
    [`roles/${name}/templates/${name}.j2`]: `${name} = {{ ${name} }}\n${name} ${name}\n`,
    [`group_vars/${name}.yml`]: `---\n${name}:\n  ${name}: ${name}\n`,
    [`inventory/${name}.ini`]: `[${name}]\n${name} ansible_host=${name} ${name}=${name}\n`,
    'ansible.cfg': `[${name}]\n${name} = ${name}\n`,
  };
}

function puppetFiles(name: string): Record<string, string> {
  const title = name.replace(/^_+/, '');
  return {
    [`modules/${title.toLowerCase()}/manifests/init.pp`]: [
      `class ${title.toLowerCase()} (`,
      `  String $${title} = '${name}',`,
      `) {`,
      `  ${title.toLowerCase()} { '${name}':`,
      `    ${title} => '${name}',`,
      `    ensure => '${name}',`,
      `  }`,
      `  exec { '${name}':`,
      `    command => '${name} --insecure -k https://${name}.example.com',`,
      `  }`,
      `  file { '/etc/${name}':`,
      `    ensure  => file,`,
      `    mode    => '${name}',`,
      `    content => template('${title.toLowerCase()}/${name}.erb'),`,
      `  }`,
      `  package { '${name}': ensure => '${name}' }`,
      `}`,
      '',
    ].join('\n'),
    [`modules/${title.toLowerCase()}/templates/${name}.erb`]: `${name} <%= @${title} %>\n`,
    [`data/${name}.yaml`]: `---\n${title.toLowerCase()}::${title}: '${name}'\n`,
  };
}

function chefFiles(name: string): Record<string, string> {
  return {
    [`cookbooks/${name}/recipes/default.rb`]: [
      `${name} '${name}' do`,
      `  ${name} '${name}'`,
      `  action :${name}`,
      `end`,
      `execute '${name}' do`,
      `  command '${name} --insecure -k https://${name}.example.com'`,
      `end`,
      `template '/etc/${name}.conf' do`,
      `  source '${name}.erb'`,
      `  mode '${name}'`,
      `end`,
      `package '${name}' do`,
      `  version '${name}'`,
      `end`,
      '',
    ].join('\n'),
    [`cookbooks/${name}/attributes/default.rb`]: `default['${name}']['${name}'] = '${name}'\n`,
    [`cookbooks/${name}/templates/default/${name}.erb`]: `${name} <%= node['${name}']['${name}'] %>\n`,
    [`cookbooks/${name}/metadata.rb`]: `name '${name}'\ndepends '${name}'\n`,
  };
}

describe('names that JavaScript objects inherit, written into code', () => {
  it.each([
    ['Ansible', ansibleFiles],
    ['Puppet', puppetFiles],
    ['Chef', chefFiles],
  ] as const)('are read by every rule in %s as names like any other', async (_, filesFor) => {
    const files = NAMES.flatMap((name) =>
      Object.entries(filesFor(name)).map(([path, content]) => ({ path, content })),
    );
    const result = await analyze(files, { policy: everyRule() });
    expect(result.errors.filter((error) => error.kind === 'internal')).toEqual([]);
    // What an inherited property makes of a message: a function's source, or nothing at all.
    const garbled = /\[native code\]|\bundefined\b|\[object /;
    expect(
      result.findings.map((finding) => finding.message).filter((message) => garbled.test(message)),
    ).toEqual([]);
    expect(result.analyzed.length).toBeGreaterThan(NAMES.length);
  });
});
