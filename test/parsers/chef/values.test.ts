import { beforeAll, describe, expect, it } from 'vitest';
import { initChefParser } from '../../../src/parsers/chef/parse-chef.js';
import { chef, range, valueOf } from './support.js';

beforeAll(() => initChefParser());

describe('Ruby values', () => {
  it('keeps the exact text and range of a literal', () => {
    expect(valueOf(`'abc'`)).toEqual({
      kind: 'string',
      value: 'abc',
      text: `'abc'`,
      dynamic: false,
      range: range(1, 5, 1, 10),
    });
  });

  it('decodes string escapes as Ruby does', () => {
    expect(valueOf(String.raw`'a\'b\\c\d'`).value).toBe(String.raw`a'b\c\d`);
    expect(valueOf(String.raw`"tab\there\u00e9\x41\101"`).value).toBe('tab\thereéAA');
    expect(valueOf(String.raw`%q(it's \(x\))`).value).toBe(`it's (x)`);
    expect(valueOf(`'one' "two" \\\n  'three'`).value).toBe('onetwothree');
    expect(valueOf('?c').value).toBe('c');
  });

  it('marks interpolated strings dynamic and keeps their raw inner text', () => {
    expect(valueOf(`"#{base}/app"`)).toMatchObject({
      kind: 'string',
      value: '#{base}/app',
      text: `"#{base}/app"`,
      dynamic: true,
    });
    expect(valueOf(`:"key_#{n}"`)).toMatchObject({
      kind: 'string',
      value: 'key_#{n}',
      dynamic: true,
    });
  });

  it('reads symbols as strings that keep their colon in the text', () => {
    expect(valueOf(':install')).toMatchObject({
      kind: 'string',
      value: 'install',
      text: ':install',
      dynamic: false,
    });
  });

  it('reads numbers, including octal modes, booleans and nil', () => {
    expect(valueOf('42')).toMatchObject({ kind: 'number', value: 42 });
    expect(valueOf('0755')).toMatchObject({ kind: 'number', value: 0o755, text: '0755' });
    expect(valueOf('0x1F').value).toBe(31);
    expect(valueOf('1_000').value).toBe(1000);
    expect(valueOf('1.5').value).toBe(1.5);
    expect(valueOf('-3')).toMatchObject({ kind: 'number', value: -3, text: '-3' });
    expect(valueOf('true')).toMatchObject({ kind: 'boolean', value: true });
    expect(valueOf('false')).toMatchObject({ kind: 'boolean', value: false });
    expect(valueOf('nil')).toMatchObject({ kind: 'null', value: null });
  });

  it('reads arrays, word lists and hashes', () => {
    expect(valueOf(`[1, 'a']`).items?.map((item) => item.value)).toEqual([1, 'a']);
    expect(valueOf('%w(a b)').items?.map((item) => item.value)).toEqual(['a', 'b']);
    const hash = valueOf(`{ 'a' => 1, b: :c, "d": nil }`);
    expect(hash.kind).toBe('map');
    expect(hash.entries?.map((entry) => [entry.name, entry.value.value])).toEqual([
      ['a', 1],
      ['b', 'c'],
      ['d', null],
    ]);
    expect(hash.entries?.[1]?.range).toEqual(range(1, 17, 1, 18));
  });

  it('reads node attributes, local and instance variables and constants as references', () => {
    expect(valueOf(`node['app']['password']`)).toMatchObject({
      kind: 'reference',
      name: 'node.app.password',
      dynamic: true,
    });
    expect(valueOf(`node[:app][:password]`).name).toBe('node.app.password');
    expect(valueOf(`node.run_state['pw']`)).toMatchObject({
      kind: 'reference',
      name: 'node.run_state.pw',
    });
    expect(valueOf('y', ['y = 1'])).toMatchObject({ kind: 'reference', name: 'y', dynamic: true });
    expect(valueOf('@pw')).toMatchObject({ kind: 'reference', name: '@pw' });
    expect(valueOf(`ENV['HOME']`)).toMatchObject({ kind: 'reference', name: 'ENV.HOME' });
    expect(valueOf(`Chef::Config[:file_cache_path]`)).toMatchObject({
      kind: 'reference',
      name: 'Chef::Config.file_cache_path',
    });
    expect(valueOf(`node['users'][name]`).name).toBe('node.users[name]');
  });

  it('reads method calls as calls named after receiver and method', () => {
    expect(valueOf('secure_password')).toMatchObject({
      kind: 'call',
      name: 'secure_password',
      dynamic: true,
    });
    expect(valueOf(`data_bag_item('users', 'admin')`)).toMatchObject({
      kind: 'call',
      name: 'data_bag_item',
    });
    expect(valueOf(`data_bag_item('users', 'admin')['password']`)).toMatchObject({
      kind: 'call',
      name: 'data_bag_item',
      text: `data_bag_item('users', 'admin')['password']`,
    });
    expect(valueOf(`Chef::EncryptedDataBagItem.load('secrets', 'db')['password']`).name).toBe(
      'Chef::EncryptedDataBagItem.load',
    );
    expect(valueOf('Digest::MD5.hexdigest(salt)').name).toBe('Digest::MD5.hexdigest');
    expect(valueOf(`::File.read('/etc/secret')`).name).toBe('File.read');
    expect(valueOf(`lazy { node['app']['pw'] }`)).toMatchObject({ kind: 'call', name: 'lazy' });
    expect(valueOf(`node['a'].split(',')`).name).toBe('node.a.split');
    expect(valueOf('params[:password]')).toMatchObject({ kind: 'call', name: 'params' });
    expect(valueOf('`hostname`')).toMatchObject({ kind: 'call', name: '`', dynamic: true });
  });

  it('tells a local variable from a method call by whether it was assigned before, in scope', () => {
    const model = chef([
      'def helper',
      '  token',
      'end',
      'token = 1',
      'a = token',
      '[1].each { |item| b = item }',
      'c = item',
    ]);
    const values = Object.fromEntries(
      model.variables.map((variable) => [variable.name, variable.value.kind]),
    );
    expect(values).toEqual({ token: 'number', a: 'reference', b: 'reference', c: 'call' });
  });

  it('reads anything else as a dynamic expression', () => {
    expect(valueOf('1 + 2')).toEqual({
      kind: 'expression',
      text: '1 + 2',
      dynamic: true,
      range: range(1, 5, 1, 10),
    });
    expect(valueOf('y ? 1 : 2').kind).toBe('expression');
  });

  it('counts columns in UTF-16 code units, like JavaScript string offsets', () => {
    const line = `a = "é😀"; x = 'z'`;
    const model = chef([line]);
    const x = model.variables.find((variable) => variable.name === 'x');
    expect(x?.range.column).toBe(line.indexOf('x') + 1);
    expect(x?.value.range).toEqual(range(1, line.indexOf(`'z'`) + 1, 1, line.length + 1));
  });
});
