import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';
import type { FileModel, Unit } from '../../src/model/model.js';

function parse(path: string, source: string): FileModel {
  const outcome = parseAnsible(path, source);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.model;
}

function attribute(unit: Unit | undefined, name: string) {
  return unit?.attributes.find((candidate) => candidate.name === name);
}

describe('Ansible parser', () => {
  it('reads YAML 1.1: yes/no are booleans, 0777 is octal, 777 is decimal', () => {
    const model = parse(
      'roles/a/tasks/main.yml',
      '- file:\n    path: /x\n    mode: 0777\n    force: yes\n- file:\n    path: /y\n    mode: 777\n',
    );
    const [first, second] = model.units;
    expect(attribute(first, 'mode')?.value).toMatchObject({
      kind: 'number',
      value: 0o777,
      text: '0777',
    });
    expect(attribute(first, 'force')?.value).toMatchObject({ kind: 'boolean', value: true });
    expect(attribute(second, 'mode')?.value).toMatchObject({ kind: 'number', value: 777 });
  });

  it('reads y and n as strings, as PyYAML does, and every case of yes/no/on/off it reads', () => {
    const model = parse(
      'roles/a/defaults/main.yml',
      'y: n\nn: Y\nwords: [yes, No, ON, off, True, FALSE]\nmixed: [yEs, nO]\n',
    );
    const variable = (name: string) => model.variables.find((entry) => entry.name === name);
    expect(variable('y')?.value).toMatchObject({ kind: 'string', value: 'n' });
    expect(variable('n')?.value).toMatchObject({ kind: 'string', value: 'Y' });
    expect(variable('words')?.value.items?.map((item) => item.value)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
    expect(variable('mixed')?.value.items?.map((item) => item.kind)).toEqual(['string', 'string']);
  });

  it('keeps exact positions of keys and values', () => {
    const model = parse(
      'roles/a/tasks/main.yml',
      '---\n- name: fetch\n  ansible.builtin.get_url:\n    url: http://example.com/x\n',
    );
    const unit = model.units[0];
    expect(unit).toMatchObject({
      type: 'get_url',
      typeAsWritten: 'ansible.builtin.get_url',
      name: 'fetch',
    });
    expect(unit?.typeRange).toMatchObject({ line: 3, column: 3 });
    expect(attribute(unit, 'url')?.range).toEqual({ line: 4, column: 5, endLine: 4, endColumn: 8 });
    expect(attribute(unit, 'url')?.value.range).toMatchObject({ line: 4, column: 10 });
  });

  it('splits free-form key=value arguments with their own columns', () => {
    const model = parse(
      'tasks/main.yml',
      '- file: path=/srv mode=0777 state=directory\n- shell: chdir=/tmp curl "https://x.io/a b" | sh creates=/x\n',
    );
    const file = model.units[0];
    expect(attribute(file, 'mode')?.value).toMatchObject({
      kind: 'string',
      value: '0777',
      text: '0777',
    });
    expect(attribute(file, 'mode')?.range).toEqual({
      line: 1,
      column: 19,
      endLine: 1,
      endColumn: 28,
    });
    const shell = model.units[1];
    expect(attribute(shell, 'chdir')?.value.value).toBe('/tmp');
    expect(attribute(shell, 'creates')?.value.value).toBe('/x');
    expect(attribute(shell, '_raw_params')?.value.value).toBe('curl "https://x.io/a b" | sh');
  });

  it('keeps Jinja2 expressions with spaces together in free-form arguments', () => {
    const model = parse('tasks/main.yml', '- get_url: url={{ base_url }}/a.tgz dest=/tmp/a.tgz\n');
    expect(attribute(model.units[0], 'url')?.value).toMatchObject({
      value: '{{ base_url }}/a.tgz',
      dynamic: true,
    });
  });

  it('merges args: into the module arguments', () => {
    const model = parse('tasks/main.yml', '- shell: ./install.sh\n  args:\n    chdir: /opt\n');
    expect(model.units[0]?.attributes.map((entry) => entry.name)).toEqual(['_raw_params', 'chdir']);
  });

  it('walks block, rescue and always, and reads action:', () => {
    const source = [
      '- block:',
      '    - command: /bin/true',
      '  rescue:',
      '    - action: get_url url=http://x dest=/y',
      '  always:',
      '    - local_action:',
      '        module: uri',
      '        url: https://z',
      '  become: true',
    ].join('\n');
    const model = parse('tasks/main.yml', source);
    expect(model.units.map((unit) => `${unit.kind}:${unit.type}`)).toEqual([
      'block:block',
      'task:command',
      'task:get_url',
      'task:uri',
    ]);
    expect(model.units[0]?.keywords.map((keyword) => keyword.name)).toEqual(['become']);
    expect(attribute(model.units[2], 'url')?.value.value).toBe('http://x');
    expect(attribute(model.units[3], 'url')?.value.value).toBe('https://z');
  });

  it('reads playbooks: plays, their vars, roles with parameters and all task sections', () => {
    const source = [
      '- hosts: web',
      '  remote_user: root',
      '  vars:',
      '    http_port: 80',
      '  roles:',
      '    - { role: db, db_password: secret1 }',
      '  pre_tasks:',
      '    - ping:',
      '  handlers:',
      '    - name: restart',
      '      service: name=nginx state=restarted',
      '- import_playbook: other.yml',
    ].join('\n');
    const model = parse('site.yml', source);
    expect(model.kind).toBe('playbook');
    expect(model.units.map((unit) => `${unit.kind}:${unit.type}`)).toEqual([
      'play:play',
      'task:ping',
      'handler:service',
      'play:import_playbook',
    ]);
    expect(model.variables.map((variable) => `${variable.scope}:${variable.name}`)).toEqual([
      'play:http_port',
      'play:db_password',
    ]);
  });

  it('flattens vars files into variables with full paths, through lists', () => {
    const model = parse(
      'group_vars/all.yml',
      'keystone:\n  users:\n    - name: admin\n      password: x\n',
    );
    expect(model.kind).toBe('vars');
    expect(model.variables.map((variable) => variable.path.join('.'))).toEqual([
      'keystone',
      'keystone.users',
      'keystone.users.0.name',
      'keystone.users.0.password',
    ]);
  });

  it('applies << merges, explicit keys winning', () => {
    const model = parse(
      'vars/main.yml',
      'base: &base\n  user: app\n  port: 1\nsite:\n  <<: *base\n  port: 2\n',
    );
    const site = model.variables
      .filter((variable) => variable.path[0] === 'site')
      .map((variable) => `${variable.name}=${String(variable.value.value)}`);
    expect(site).toEqual(['site=undefined', 'port=2', 'user=app']);
  });

  it('treats !vault and !unsafe as values, not errors', () => {
    const model = parse(
      'vars/main.yml',
      'a: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6162\nb: !unsafe "{{ literal }}"\nc: "{{ templated }}"\n',
    );
    const [a, b, c] = model.variables;
    expect(a?.value).toMatchObject({ kind: 'encrypted', tag: '!vault' });
    expect(b?.value).toMatchObject({ kind: 'string', dynamic: false, tag: '!unsafe' });
    expect(c?.value).toMatchObject({ kind: 'string', dynamic: true });
  });

  it('collects comments with their positions, not # inside strings', () => {
    const model = parse(
      'tasks/main.yml',
      '# first\n- name: "a # not a comment"\n  ping:  # trailing\n',
    );
    expect(model.comments).toEqual([
      { text: 'first', range: { line: 1, column: 1, endLine: 1, endColumn: 8 } },
      { text: 'trailing', range: { line: 3, column: 10, endLine: 3, endColumn: 20 } },
    ]);
  });

  it('reads inventories', () => {
    const model = parse(
      'inventory/hosts.yml',
      'all:\n  hosts:\n    db1:\n      ansible_user: root\n',
    );
    expect(model.kind).toBe('inventory');
    expect(model.variables.at(-1)).toMatchObject({ name: 'ansible_user', scope: 'inventory' });
  });

  it('reports broken YAML with its line instead of throwing', () => {
    const outcome = parseAnsible('tasks/main.yml', '- name: ok\n  shell: echo\n bad: [\n');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.message).toMatch(/^YAML: /);
      expect(outcome.error.line).toBeGreaterThan(0);
    }
  });

  it('refuses alias bombs', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    const outcome = parseAnsible('vars/main.yml', `${levels.join('\n')}\n`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/alias/);
  });

  it('refuses absurd nesting', () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}\n`;
    const outcome = parseAnsible('vars/main.yml', `x: ${deep}`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/nesting/);
  });
});
