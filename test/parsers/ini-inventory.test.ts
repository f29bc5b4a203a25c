import { describe, expect, it } from 'vitest';
import type { FileModel, Variable } from '../../src/model/model.js';
import {
  iniInventoryProblem,
  parseIniInventory,
  startsLikeYaml,
} from '../../src/parsers/ansible/ini-inventory.js';
import { mayBeIniInventory } from '../../src/parsers/ansible/inventory-names.js';
import { parseFile } from '../../src/languages/parse-file.js';

function inventory(lines: string[], path = 'inventory/production.ini'): FileModel {
  const outcome = parseIniInventory(path, lines.join('\n'));
  if (!outcome.ok) throw new Error(`expected ${path} to parse: ${outcome.error.message}`);
  return outcome.model;
}

function variable(model: FileModel, path: string): Variable {
  const found = model.variables.find((candidate) => candidate.path.join('.') === path);
  if (!found)
    throw new Error(
      `no variable ${path} in ${model.variables.map((v) => v.path.join('.')).join(', ')}`,
    );
  return found;
}

/** `line:column-endColumn` of a one-line range. */
function at(range: { line: number; column: number; endColumn: number }): string {
  return `${range.line}:${range.column}-${range.endColumn}`;
}

describe('reading an INI inventory', () => {
  it('gives each variable the path the same inventory has in YAML', () => {
    const model = inventory([
      'bastion ansible_host=203.0.113.7',
      '[web]',
      'web1 ansible_host=10.0.0.5 http_port=8080',
      'web2',
      '[web:vars]',
      'ansible_user=deploy',
      '[edge:children]',
      'web',
    ]);
    expect(model).toMatchObject({ language: 'ansible', kind: 'inventory', units: [] });
    expect(model.variables.map((found) => `${found.path.join('.')}=${found.value.text}`)).toEqual([
      'ungrouped.hosts.bastion=ansible_host=203.0.113.7',
      'ungrouped.hosts.bastion.ansible_host=203.0.113.7',
      'web.hosts.web1=ansible_host=10.0.0.5 http_port=8080',
      'web.hosts.web1.ansible_host=10.0.0.5',
      'web.hosts.web1.http_port=8080',
      'web.hosts.web2=',
      'web.vars.ansible_user=deploy',
      'edge.children.web=',
    ]);
    for (const found of model.variables) expect(found.scope).toBe('inventory');
    expect(variable(model, 'web.hosts.web1').value.kind).toBe('map');
    expect(variable(model, 'web.hosts.web2').value.kind).toBe('null');
    expect(variable(model, 'edge.children.web').value.kind).toBe('null');
  });

  it('puts the key and the value of each `key=value` at their exact columns', () => {
    const model = inventory([
      '[db]',
      '  db1   ansible_host=10.0.0.6  ansible_password="s3 cret"',
      '[db:vars]',
      'mysql_port = 3306',
    ]);
    const host = variable(model, 'db.hosts.db1');
    expect(at(host.range)).toBe('2:3-6');
    const address = variable(model, 'db.hosts.db1.ansible_host');
    expect(at(address.range)).toBe('2:9-21');
    expect(at(address.value.range)).toBe('2:22-30');
    const password = variable(model, 'db.hosts.db1.ansible_password');
    expect(at(password.range)).toBe('2:32-48');
    expect(at(password.value.range)).toBe('2:49-58');
    expect(password.value).toMatchObject({ kind: 'string', value: 's3 cret', text: '"s3 cret"' });
    const port = variable(model, 'db.vars.mysql_port');
    expect(at(port.range)).toBe('4:1-11');
    expect(at(port.value.range)).toBe('4:14-18');
    expect(port.value).toMatchObject({ kind: 'string', value: '3306', text: '3306' });
  });

  it('splits a host line as a shell does: quotes keep spaces, escapes and `=` inside', () => {
    const model = inventory([
      `web1 args='-o ProxyCommand="ssh -W %h:%p bastion"' path=/srv/my\\ app note="say \\"hi\\""`,
    ]);
    expect(variable(model, 'ungrouped.hosts.web1.args').value.value).toBe(
      '-o ProxyCommand="ssh -W %h:%p bastion"',
    );
    expect(variable(model, 'ungrouped.hosts.web1.path').value.value).toBe('/srv/my app');
    expect(variable(model, 'ungrouped.hosts.web1.note').value.value).toBe('say "hi"');
  });

  it('reads values as the Python literals Ansible reads them as, and keeps them strings', () => {
    const model = inventory([
      `web1 quoted="'03#pa33w0rd'" flag=True port=22`,
      '[web:vars]',
      `single='keep # this'`,
      'number=8080 # the port',
      'bare=some text # kept, as Ansible keeps it',
      'list=[1, 2]',
    ]);
    expect(variable(model, 'ungrouped.hosts.web1.quoted').value.value).toBe('03#pa33w0rd');
    expect(variable(model, 'ungrouped.hosts.web1.flag').value).toMatchObject({
      kind: 'string',
      value: 'True',
    });
    expect(variable(model, 'ungrouped.hosts.web1.port').value.value).toBe('22');
    expect(variable(model, 'web.vars.single').value.value).toBe('keep # this');
    const number = variable(model, 'web.vars.number');
    expect(number.value).toMatchObject({ value: '8080', text: '8080' });
    expect(at(number.value.range)).toBe('4:8-12');
    expect(variable(model, 'web.vars.bare').value.value).toBe(
      'some text # kept, as Ansible keeps it',
    );
    expect(variable(model, 'web.vars.list').value.value).toBe('[1, 2]');
  });

  it('marks Jinja2 values as computed', () => {
    const model = inventory([
      'web1 ansible_password="{{ vault_web1_password }}" dir={{ansible_env.HOME}}/releases',
    ]);
    expect(variable(model, 'ungrouped.hosts.web1.ansible_password').value.dynamic).toBe(true);
    expect(variable(model, 'ungrouped.hosts.web1.dir').value.dynamic).toBe(true);
  });

  it('keeps comment lines and comments after hosts, sections and literals, without their markers', () => {
    const model = inventory([
      '# production',
      '; legacy marker',
      '[web] # front ends',
      'web1 ansible_host=10.0.0.5 # primary',
      '[web:vars]',
      'http_port=8080 # the port',
      '[all:children]',
      'web   # everything',
    ]);
    expect(model.comments.map((comment) => `${at(comment.range)} ${comment.text}`)).toEqual([
      '1:1-13 production',
      '2:1-16 legacy marker',
      '3:7-19 front ends',
      '4:28-37 primary',
      '6:16-26 the port',
      '8:7-19 everything',
    ]);
    expect(model.variables.map((found) => found.path.join('.'))).toEqual([
      'web.hosts.web1',
      'web.hosts.web1.ansible_host',
      'web.vars.http_port',
      'all.children.web',
    ]);
  });

  it('fails on what Ansible refuses, naming the line', () => {
    const cases: Array<[string[], number, string]> = [
      [['[web:hostvars]'], 1, 'Section [web:hostvars] has unknown type: hostvars'],
      [['[web]', '[bad section]'], 2, "Invalid section entry: '[bad section]'"],
      [['[web]', 'web1 ansible_host 10.0.0.5'], 2, 'Expected key=value host variable assignment'],
      [['[web:vars]', 'http_port 8080'], 2, 'Expected key=value, got: http_port 8080'],
      [['[web:children]', 'db ; comment'], 2, 'Expected group name, got: db ; comment'],
      [['web1 password="unclosed'], 1, 'no closing quotation'],
    ];
    for (const [lines, line, message] of cases) {
      const outcome = parseIniInventory('hosts', lines.join('\n'));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error).toMatchObject({ path: 'hosts', kind: 'syntax', line });
      expect(outcome.error.message).toContain(message);
    }
  });

  it('reads Windows line endings and an empty file', () => {
    const model = inventory(['[web]\r', 'web1 a=b\r', '']);
    expect(variable(model, 'web.hosts.web1.a').value.value).toBe('b');
    expect(inventory(['']).variables).toEqual([]);
  });
});

describe('telling INI inventories by their path and lines', () => {
  it.each([
    ['hosts', true],
    ['hosts.ini', true],
    ['staging/inventory', true],
    ['inventory/production.ini', true],
    ['inventories/staging/hosts', true],
    ['inventories/production', true],
    ['tests/inventory', true],
    ['roles/web/files/hosts', false],
    ['roles/web/templates/hosts.j2', false],
    ['inventory/group_vars/all', false],
    ['inventory/hosts.yml', false],
    ['inventory/README.md', false],
    ['tox.ini', false],
    ['setup/hosts.txt', false],
  ])('%s may be one: %s', (path, expected) => {
    expect(mayBeIniInventory(path)).toBe(expected);
  });

  it('takes a file whose lines Ansible would not read for something else', () => {
    expect(iniInventoryProblem('[web]\nweb1 ansible_host=10.0.0.5\n')).toBeUndefined();
    expect(iniInventoryProblem('127.0.0.1 localhost\n::1 localhost ip6-localhost\n')).toBe(
      'line 1: INI inventory: Expected key=value host variable assignment, got: localhost',
    );
    expect(iniInventoryProblem('[ec2]\nregions = all\n')).toContain('line 2:');
  });

  it('sends an inventory written in YAML to the YAML reader', () => {
    expect(startsLikeYaml('# hosts\n---\nall:\n  hosts:\n')).toBe(true);
    expect(startsLikeYaml('all:\n  hosts:\n    web1:\n')).toBe(true);
    expect(startsLikeYaml('[web]\nweb1\n')).toBe(false);
    expect(startsLikeYaml('web1 ansible_host=10.0.0.5\n')).toBe(false);
    const outcome = parseFile(
      'inventories/production/hosts',
      'all:\n  hosts:\n    web1:\n      ansible_password: s3cret\n',
      'ansible',
    );
    expect(outcome.ok && outcome.model.kind).toBe('inventory');
    expect(outcome.ok && outcome.model.variables.map((found) => found.path.join('.'))).toContain(
      'all.hosts.web1.ansible_password',
    );
  });
});
