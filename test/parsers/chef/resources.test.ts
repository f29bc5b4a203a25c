import { beforeAll, describe, expect, it } from 'vitest';
import { initChefParser } from '../../../src/parsers/chef/parse-chef.js';
import { attribute, chef, keyword, onlyUnit, range, resources } from './support.js';

beforeAll(() => initChefParser());

describe('Chef resources', () => {
  it('reads a known resource type declared without a block', () => {
    const unit = onlyUnit(chef([`package 'nginx'`]));
    expect(unit).toEqual({
      kind: 'resource',
      type: 'package',
      typeAsWritten: 'package',
      typeRange: range(1, 1, 1, 8),
      name: 'nginx',
      attributes: [
        {
          name: 'name',
          value: {
            kind: 'string',
            value: 'nginx',
            text: `'nginx'`,
            dynamic: false,
            range: range(1, 9, 1, 16),
          },
          range: range(1, 9, 1, 16),
        },
      ],
      keywords: [],
      range: range(1, 1, 1, 16),
    });
  });

  it('reads every property of a block, with symbols as strings and exact ranges', () => {
    const unit = onlyUnit(
      chef([
        `remote_file "#{Chef::Config[:file_cache_path]}/app.tgz" do`,
        `  source 'http://example.com/app.tgz'`,
        `  checksum 'abc123'`,
        `  mode '0755'`,
        `  ssl_verify_mode :verify_none`,
        `  sensitive true`,
        `  action :create`,
        `end`,
      ]),
    );
    expect(unit.type).toBe('remote_file');
    expect(unit.typeRange).toEqual(range(1, 1, 1, 12));
    expect(unit.range).toEqual(range(1, 1, 8, 4));
    expect(unit.name).toBe('#{Chef::Config[:file_cache_path]}/app.tgz');
    expect(unit.attributes.map((entry) => entry.name)).toEqual([
      'name',
      'source',
      'checksum',
      'mode',
      'ssl_verify_mode',
      'sensitive',
      'action',
    ]);
    expect(attribute(unit, 'name')).toMatchObject({
      kind: 'string',
      dynamic: true,
      range: range(1, 13, 1, 56),
    });
    expect(unit.attributes[1]).toEqual({
      name: 'source',
      value: {
        kind: 'string',
        value: 'http://example.com/app.tgz',
        text: `'http://example.com/app.tgz'`,
        dynamic: false,
        range: range(2, 10, 2, 38),
      },
      range: range(2, 3, 2, 9),
    });
    expect(attribute(unit, 'mode')).toMatchObject({ kind: 'string', value: '0755' });
    expect(attribute(unit, 'ssl_verify_mode')).toMatchObject({
      kind: 'string',
      value: 'verify_none',
      text: ':verify_none',
    });
    expect(attribute(unit, 'sensitive')).toMatchObject({ kind: 'boolean', value: true });
    expect(attribute(unit, 'action')).toEqual({
      kind: 'string',
      value: 'create',
      text: ':create',
      dynamic: false,
      range: range(7, 10, 7, 17),
    });
    expect(unit.keywords).toEqual([]);
  });

  it('keeps the last value of a property set twice, and every verify', () => {
    const unit = onlyUnit(
      chef([
        `file '/etc/app.conf' do`,
        `  mode '0666'`,
        `  verify 'a %{path}'`,
        `  mode '0600' if ENV['X']`,
        `  owner 'app'`,
        `  mode '0640'`,
        `  verify 'b %{path}'`,
        `  group 'app' if ENV['Y']`,
        `  group 'root'`,
        `  mode '0644' if ENV['Z']`,
        `end`,
      ]),
    );
    expect(unit.attributes.map((found) => `${found.name} ${found.value.text}`)).toEqual([
      `name '/etc/app.conf'`,
      `verify 'a %{path}'`,
      `owner 'app'`,
      `mode '0640'`,
      `verify 'b %{path}'`,
      `group 'root'`,
      `mode '0644'`,
    ]);
  });

  it('keeps guards and notifications as keywords, not properties', () => {
    const unit = onlyUnit(
      chef([
        `execute 'extract' do`,
        `  command 'tar xzf /tmp/app.tgz'`,
        `  only_if { ::File.exist?('/tmp/app.tgz') }`,
        `  not_if 'test -d /opt/app'`,
        `  notifies :restart, 'service[app]', :delayed`,
        `  subscribes :run, 'remote_file[app]'`,
        `end`,
      ]),
    );
    expect(unit.attributes.map((entry) => entry.name)).toEqual(['name', 'command']);
    expect(unit.keywords.map((entry) => entry.name)).toEqual([
      'only_if',
      'not_if',
      'notifies',
      'subscribes',
    ]);
    expect(unit.keywords[0]).toEqual({
      name: 'only_if',
      value: {
        kind: 'expression',
        text: `{ ::File.exist?('/tmp/app.tgz') }`,
        dynamic: true,
        range: range(3, 11, 3, 44),
      },
      range: range(3, 3, 3, 10),
    });
    expect(keyword(unit, 'not_if')).toMatchObject({
      kind: 'string',
      value: 'test -d /opt/app',
      dynamic: false,
    });
    const notifies = keyword(unit, 'notifies');
    expect(notifies).toMatchObject({
      kind: 'list',
      text: `:restart, 'service[app]', :delayed`,
      range: range(5, 12, 5, 46),
    });
    expect(notifies?.items?.map((item) => item.value)).toEqual([
      'restart',
      'service[app]',
      'delayed',
    ]);
  });

  it('reads brace blocks, parenthesised titles and resources without a title', () => {
    const model = chef([
      `service('app') { action [:enable, :start] }`,
      `log do`,
      `  message 'hello'`,
      `end`,
    ]);
    const [service, log] = resources(model);
    expect(service?.name).toBe('app');
    expect(service?.range).toEqual(range(1, 1, 1, 44));
    const action = service ? attribute(service, 'action') : undefined;
    expect(action).toMatchObject({ kind: 'list', text: '[:enable, :start]' });
    expect(action?.items?.map((item) => item.value)).toEqual(['enable', 'start']);
    expect(log?.type).toBe('log');
    expect(log?.name).toBeUndefined();
    expect(log?.attributes.map((entry) => [entry.name, entry.value.value])).toEqual([
      ['message', 'hello'],
    ]);
  });

  it('counts a custom resource by its properties, and nothing that merely takes a block or an argument', () => {
    const model = chef([
      `include_recipe 'app::base'`,
      `docker_container 'web' do`,
      `  repo 'nginx'`,
      `  port '80:80'`,
      `end`,
      `helper 'x'`,
      `with_settings do`,
      `  value = 1`,
      `end`,
      `describe 'app' do`,
      `  let(:user) { 'x' }`,
      `end`,
      `with_retries { container lookup }`,
    ]);
    expect(resources(model).map((unit) => [unit.type, unit.name])).toEqual([
      ['docker_container', 'web'],
    ]);
  });

  it('finds resources inside loops and actions, and treats calls inside a resource block as its properties', () => {
    const model = chef([
      `%w(curl git).each do |pkg|`,
      `  package pkg`,
      `end`,
      `action :deploy do`,
      `  git '/srv/app' do`,
      `    repository 'https://example.com/app.git'`,
      `    user 'deploy'`,
      `  end`,
      `end`,
    ]);
    const [pkg, git] = resources(model);
    expect(resources(model)).toHaveLength(2);
    expect(pkg?.name).toBeUndefined();
    // Named by the loop's block parameter over a written list: named by every item of the list.
    expect(pkg?.attributes).toMatchObject([
      {
        name: 'name',
        value: {
          kind: 'list',
          text: '%w(curl git)',
          dynamic: false,
          items: [{ value: 'curl' }, { value: 'git' }],
        },
        range: range(2, 11, 2, 14),
      },
    ]);
    expect(git?.attributes.map((entry) => [entry.name, entry.value.value])).toEqual([
      ['name', '/srv/app'],
      ['repository', 'https://example.com/app.git'],
      ['user', 'deploy'],
    ]);
  });

  it('reads heredoc properties: interpolated ones are dynamic, <<~ ones are dedented', () => {
    const model = chef([
      `bash 'install' do`,
      `  code <<-EOH`,
      `    cd #{dir}`,
      `    make install`,
      `  EOH`,
      `end`,
      `file '/etc/motd' do`,
      `  content <<~TEXT`,
      `    Welcome`,
      `      to the host`,
      `  TEXT`,
      `end`,
    ]);
    const [bash, file] = resources(model);
    expect(bash ? attribute(bash, 'code') : undefined).toEqual({
      kind: 'string',
      value: '    cd #{dir}\n    make install\n',
      text: '<<-EOH\n    cd #{dir}\n    make install\n  EOH',
      dynamic: true,
      range: range(2, 8, 5, 6),
    });
    expect(file ? attribute(file, 'content') : undefined).toMatchObject({
      kind: 'string',
      value: 'Welcome\n  to the host\n',
      dynamic: false,
    });
  });

  it('reads hash properties as maps, properties set under conditions, and an explicit name', () => {
    const unit = onlyUnit(
      chef([
        `template 'config' do`,
        `  name '/etc/app.conf'`,
        `  variables(port: 80, 'admin' => { password: node['app']['pw'] })`,
        `  if node['app']['secure']`,
        `    mode '0600'`,
        `  end`,
        `end`,
      ]),
    );
    expect(unit.name).toBe('config');
    expect(unit.attributes.map((entry) => [entry.name, entry.value.kind])).toEqual([
      ['name', 'string'],
      ['variables', 'map'],
      ['mode', 'string'],
    ]);
    expect(attribute(unit, 'name')?.value).toBe('/etc/app.conf');
    const variables = attribute(unit, 'variables');
    expect(variables?.text).toBe(`port: 80, 'admin' => { password: node['app']['pw'] }`);
    expect(variables?.entries?.[0]).toEqual({
      name: 'port',
      value: { kind: 'number', value: 80, text: '80', dynamic: false, range: range(3, 19, 3, 21) },
      range: range(3, 13, 3, 17),
    });
    const admin = variables?.entries?.[1];
    expect(admin?.name).toBe('admin');
    expect(admin?.value.entries?.[0]).toMatchObject({
      name: 'password',
      value: { kind: 'reference', name: 'node.app.pw', dynamic: true },
    });
  });

  it('reads a resource whose value is assigned to a variable', () => {
    const model = chef([`r = template '/etc/x' do`, `  source 'x.erb'`, `end`]);
    expect(onlyUnit(model)).toMatchObject({
      type: 'template',
      name: '/etc/x',
      range: range(1, 5, 3, 4),
    });
    expect(model.variables[0]).toMatchObject({
      name: 'r',
      scope: 'data',
      value: { kind: 'call', name: 'template' },
    });
  });

  it('reads calls outside resources that pass strings, and code inside a ruby_block, as free calls', () => {
    const model = chef([
      `edit_file '/etc/app.php' do |line|`,
      `  line.gsub!(/%%baseURL%%/, "http://example.org/")`,
      `end`,
      `ruby_block 'helper' do`,
      `  block do`,
      `    shell_out!('curl -fsSL https://get.example.com | sh')`,
      `  end`,
      `  action :run`,
      `end`,
    ]);
    expect(
      model.units.map((unit) => [
        unit.kind,
        unit.typeAsWritten,
        unit.attributes.map((attribute) => attribute.value.value),
      ]),
    ).toEqual([
      ['call', 'edit_file', ['/etc/app.php']],
      ['call', 'line.gsub!', ['http://example.org/']],
      ['resource', 'ruby_block', ['helper', undefined, 'run']],
      ['call', 'shell_out!', ['curl -fsSL https://get.example.com | sh']],
    ]);
  });
});
