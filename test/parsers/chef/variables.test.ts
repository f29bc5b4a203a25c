import { beforeAll, describe, expect, it } from 'vitest';
import { initChefParser } from '../../../src/parsers/chef/parse-chef.js';
import { chef, range } from './support.js';

beforeAll(() => initChefParser());

const ATTRIBUTES = 'cookbooks/app/attributes/default.rb';

describe('Chef variables', () => {
  it('reads every precedence level of an attribute file', () => {
    const model = chef(
      [
        `default['app']['user'] = 'deploy'`,
        `override['app']['port'] = 8080`,
        `normal['app']['debug'] = false`,
        `force_default['app']['tier'] = 'web'`,
        `force_override['app']['tier'] = 'db'`,
        `default_unless['app']['home'] = '/srv'`,
      ],
      ATTRIBUTES,
    );
    expect(model.kind).toBe('attributes');
    expect(
      model.variables.map((variable) => [
        variable.scope,
        variable.path.join('.'),
        variable.value.value,
      ]),
    ).toEqual([
      ['attribute', 'app.user', 'deploy'],
      ['attribute', 'app.port', 8080],
      ['attribute', 'app.debug', false],
      ['attribute', 'app.tier', 'web'],
      ['attribute', 'app.tier', 'db'],
      ['attribute', 'app.home', '/srv'],
    ]);
    expect(model.variables[0]).toEqual({
      name: 'user',
      path: ['app', 'user'],
      value: {
        kind: 'string',
        value: 'deploy',
        text: `'deploy'`,
        dynamic: false,
        range: range(1, 26, 1, 34),
      },
      scope: 'attribute',
      range: range(1, 1, 1, 23),
    });
  });

  it('reads node attribute assignments in recipes, in index and method form', () => {
    const model = chef([
      `node.default['mysql']['root_password'] = 'changeme'`,
      `node.override['app']['port'] = 80`,
      `node.normal['app']['token'] = 'abc'`,
      `node.set['app']['key'] = 'k'`,
      `node.default.app.mode = 'fast'`,
      `node['app']['ignored'] = 1`,
    ]);
    expect(
      model.variables.map((variable) => [variable.name, variable.path, variable.scope]),
    ).toEqual([
      ['root_password', ['mysql', 'root_password'], 'attribute'],
      ['port', ['app', 'port'], 'attribute'],
      ['token', ['app', 'token'], 'attribute'],
      ['key', ['app', 'key'], 'attribute'],
      ['mode', ['app', 'mode'], 'attribute'],
    ]);
    expect(model.variables[0]?.range).toEqual(range(1, 1, 1, 39));
  });

  it('flattens hash and array values into nested variables', () => {
    const model = chef(
      [
        `default['db'] = { 'root' => { 'password' => 'secret' }, 'hosts' => ['a', { 'user' => 'u' }] }`,
      ],
      ATTRIBUTES,
    );
    expect(model.variables.map((variable) => variable.path.join('.'))).toEqual([
      'db',
      'db.root',
      'db.root.password',
      'db.hosts',
      'db.hosts.1.user',
    ]);
    expect(model.variables[2]).toMatchObject({
      name: 'password',
      scope: 'attribute',
      value: { value: 'secret' },
      range: range(1, 31, 1, 41),
    });
  });

  it('writes a computed key in brackets', () => {
    const model = chef(
      [`%w(a b).each do |part|`, `  default['app'][part]['enabled'] = true`, `end`],
      ATTRIBUTES,
    );
    expect(model.variables.map((variable) => [variable.name, variable.path])).toEqual([
      ['enabled', ['app', '[part]', 'enabled']],
    ]);
  });

  it('follows tap blocks that stand for an attribute path', () => {
    const model = chef(
      [
        `default['app'].tap do |app|`,
        `  app['port'] = 80`,
        `  app['db'].tap do |db|`,
        `    db['password'] = 'secret'`,
        `  end`,
        `end`,
      ],
      ATTRIBUTES,
    );
    expect(model.variables.map((variable) => [variable.path.join('.'), variable.range])).toEqual([
      ['app.port', range(2, 3, 2, 14)],
      ['app.db.password', range(4, 5, 4, 19)],
    ]);
  });

  it('reads local variables and constants as data, with ||= and multiple assignment', () => {
    const model = chef([
      `password = data_bag_item('secrets', 'db')['password']`,
      `API_KEY = 'abc'`,
      `@token = 'x'`,
      `count ||= 1`,
      `total += 1`,
      `a, b = 'one', 'two'`,
    ]);
    expect(
      model.variables.map((variable) => [variable.name, variable.scope, variable.value.kind]),
    ).toEqual([
      ['password', 'data', 'call'],
      ['API_KEY', 'data', 'string'],
      ['@token', 'data', 'string'],
      ['count', 'data', 'number'],
      ['a', 'data', 'string'],
      ['b', 'data', 'string'],
    ]);
    expect(model.variables[0]?.range).toEqual(range(1, 1, 1, 9));
  });

  it('reads attribute writers as assignments to the attribute', () => {
    const model = chef(
      [`host = Host.new`, `host.ip = '0.0.0.0'`, `self.zabbix_host.port = 10050`],
      'cookbooks/z/providers/host.rb',
    );
    expect(
      model.variables
        .filter((variable) => variable.path.length > 1)
        .map((variable) => [variable.name, variable.path.join('.'), variable.value.value]),
    ).toEqual([
      ['ip', 'host.ip', '0.0.0.0'],
      ['port', 'self.zabbix_host.port', 10050],
    ]);
  });

  it('does not take a local variable named like a precedence level for one', () => {
    const model = chef([`default = {}`, `default['x'] = 1`]);
    expect(model.variables.map((variable) => [variable.path.join('.'), variable.scope])).toEqual([
      ['default', 'data'],
    ]);
  });

  it("reads a custom resource's properties as parameters of `new_resource`, with their defaults", () => {
    const model = chef(
      [
        'property :bind, [String, Hash],',
        "         default: '0.0.0.0:80',",
        "         description: 'where it listens'",
        'property :mode, String, equal_to: %w(http tcp)',
        "attribute :user, kind_of: String, default: 'haproxy'",
      ],
      'cookbooks/haproxy/resources/frontend.rb',
    );
    expect(
      model.variables.map((variable) => [
        variable.name,
        variable.scope,
        variable.owner,
        variable.value.value,
      ]),
    ).toEqual([
      ['bind', 'parameter', 'new_resource', '0.0.0.0:80'],
      ['user', 'parameter', 'new_resource', 'haproxy'],
    ]);
    expect(model.variables[0]?.range).toEqual(range(1, 10, 1, 15));
  });
});
