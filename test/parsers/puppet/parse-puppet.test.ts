import { describe, expect, it } from 'vitest';
import type { FileModel, Unit } from '../../../src/model/model.js';
import { parseFile } from '../../../src/languages/parse-file.js';
import { parsePuppet } from '../../../src/parsers/puppet/parse-puppet.js';

function parse(source: string, path = 'manifests/init.pp'): FileModel {
  const outcome = parsePuppet(path, source);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.model;
}

function attribute(unit: Unit | undefined, name: string) {
  return unit?.attributes.find((candidate) => candidate.name === name);
}

function keyword(unit: Unit | undefined, name: string) {
  return unit?.keywords.find((candidate) => candidate.name === name);
}

describe('Puppet parser: units', () => {
  it('turns a resource into a unit with exact positions', () => {
    const model = parse("file { '/etc/shadow':\n  ensure => file,\n  mode   => '0644',\n}\n");
    expect(model).toMatchObject({ language: 'puppet', kind: 'manifest' });
    const [unit] = model.units;
    expect(unit).toMatchObject({
      kind: 'resource',
      type: 'file',
      typeAsWritten: 'file',
      name: '/etc/shadow',
      keywords: [],
    });
    expect(unit?.typeRange).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 5 });
    expect(unit?.range).toEqual({ line: 1, column: 1, endLine: 4, endColumn: 2 });
    expect(attribute(unit, 'title')?.value).toMatchObject({
      kind: 'string',
      value: '/etc/shadow',
      text: "'/etc/shadow'",
    });
    expect(attribute(unit, 'ensure')?.value).toMatchObject({
      kind: 'string',
      value: 'file',
      dynamic: false,
    });
    expect(attribute(unit, 'mode')?.range).toEqual({
      line: 3,
      column: 3,
      endLine: 3,
      endColumn: 7,
    });
    expect(attribute(unit, 'mode')?.value.range).toEqual({
      line: 3,
      column: 13,
      endLine: 3,
      endColumn: 19,
    });
  });

  it('makes one unit per body, keeps a list of titles as a list, and lower-cases defined types', () => {
    const model = parse(
      "file { ['/a', '/b']: ensure => absent }\nApache::Vhost { 'x': port => 80; 'y': port => 81 }\n",
    );
    expect(model.units.map((unit) => unit.type)).toEqual([
      'file',
      'apache::vhost',
      'apache::vhost',
    ]);
    expect(model.units[0]?.name).toBeUndefined();
    expect(attribute(model.units[0], 'title')?.value.items?.map((item) => item.value)).toEqual([
      '/a',
      '/b',
    ]);
    expect(model.units.slice(1).map((unit) => unit.name)).toEqual(['x', 'y']);
    expect(model.units[1]?.typeAsWritten).toBe('Apache::Vhost');
  });

  it('reads class declarations as resources of type class, and include as no unit', () => {
    const model = parse("include apache\nclass { 'mysql::server': root_password => 'hunter2' }\n");
    expect(model.units).toHaveLength(1);
    expect(model.units[0]).toMatchObject({ type: 'class', name: 'mysql::server' });
    expect(attribute(model.units[0], 'root_password')?.value).toMatchObject({
      kind: 'string',
      value: 'hunter2',
      dynamic: false,
    });
  });

  it('marks resource defaults, overrides, collectors and virtual resources with keywords', () => {
    const model = parse(
      [
        "File { mode => '0644' }",
        "File['/x'] { mode +> '0600' }",
        "User <| tag == 'admin' |> { shell => '/bin/sh' }",
        'Sshkey <<| |>>',
        "@@sshkey { 'k': key => $key }",
      ].join('\n'),
    );
    const [defaults, override, collector, exported, virtual] = model.units;
    expect(defaults).toMatchObject({ type: 'file', typeAsWritten: 'File' });
    expect(defaults?.name).toBeUndefined();
    expect(keyword(defaults, 'resource_defaults')?.value).toMatchObject({
      kind: 'boolean',
      value: true,
    });
    expect(override).toMatchObject({ type: 'file', name: '/x' });
    expect(keyword(override, 'override')?.value.value).toBe(true);
    expect(attribute(override, 'mode')?.value.value).toBe('0600');
    expect(collector).toMatchObject({ type: 'user' });
    expect(keyword(collector, 'collector')?.value.value).toBe(true);
    expect(keyword(collector, 'query')?.value).toMatchObject({
      kind: 'expression',
      text: "tag == 'admin'",
    });
    expect(attribute(collector, 'shell')?.value.value).toBe('/bin/sh');
    expect(exported?.type).toBe('sshkey');
    expect(keyword(exported, 'exported')?.value.value).toBe(true);
    expect(keyword(virtual, 'exported')?.value).toMatchObject({
      kind: 'boolean',
      value: true,
      text: '@@',
    });
  });

  it('reads a default body as defaults for the other bodies of its resource', () => {
    const model = parse("file {\n  default: mode => '0600';\n  '/etc/a': ensure => file;\n}\n");
    const [defaults, file] = model.units;
    expect(keyword(defaults, 'resource_defaults')?.value).toMatchObject({
      value: true,
      text: 'default',
    });
    expect(defaults?.attributes.map((entry) => entry.name)).toEqual(['mode']);
    expect(file).toMatchObject({ type: 'file', name: '/etc/a', keywords: [] });
    expect(file?.range).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 27 });
  });

  it('keeps splats and keyword attribute names (node, unless) as attributes', () => {
    const model = parse(
      "exec { 'x':\n  command => '/bin/true',\n  unless  => 'test -f /x',\n  node    => $node,\n  *       => $extra,\n}\n",
    );
    const unit = model.units[0];
    expect(unit?.attributes.map((entry) => entry.name)).toEqual([
      'title',
      'command',
      'unless',
      'node',
      '*',
    ]);
    expect(attribute(unit, 'node')?.value).toMatchObject({
      kind: 'reference',
      name: 'node',
      dynamic: true,
    });
    expect(attribute(unit, '*')?.range).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 4 });
  });
});

describe('Puppet parser: resources declared through hashes', () => {
  const summary = (model: FileModel) =>
    model.units.map((unit) => ({
      type: unit.type,
      title: attribute(unit, 'title')?.value.text,
      line: unit.range.line,
      attributes: unit.attributes
        .filter((entry) => entry.name !== 'title')
        .map((entry) => `${entry.name}=${entry.value.text}@${entry.range.line}`),
    }));

  it('reads create_resources and ensure_resources as one resource per title, defaults after', () => {
    const model = parse(
      [
        'class profile::dirs {',
        "  create_resources('file', {",
        "    '/srv/a' => { mode => '0777' },",
        '    $b       => { ensure => directory },',
        "  }, { mode => '0750', owner => 'root' })",
        "  ensure_resources('User', { 'app' => { shell => '/bin/sh' } })",
        '}',
      ].join('\n'),
    );
    expect(summary(model)).toEqual([
      {
        type: 'file',
        title: "'/srv/a'",
        line: 3,
        attributes: ["mode='0777'@3", "owner='root'@5"],
      },
      {
        type: 'file',
        title: '$b',
        line: 4,
        attributes: ['ensure=directory@4', "mode='0750'@5", "owner='root'@5"],
      },
      { type: 'user', title: "'app'", line: 6, attributes: ["shell='/bin/sh'@6"] },
    ]);
    expect(model.units[0]).toMatchObject({ name: '/srv/a', within: 'profile::dirs' });
    expect(model.units[1]?.name).toBeUndefined();
  });

  it('reads ensure_resource with one title or several, with or without attributes', () => {
    const model = parse(
      [
        "ensure_resource('package', 'curl')",
        "ensure_resource('user', ['app', 'web'], { 'shell' => '/bin/bash' })",
      ].join('\n'),
    );
    expect(summary(model)).toEqual([
      { type: 'package', title: "'curl'", line: 1, attributes: [] },
      { type: 'user', title: "['app', 'web']", line: 2, attributes: ["shell='/bin/bash'@2"] },
    ]);
  });

  it('reads a hash held in a variable of the same scope, and in the scope around a lambda', () => {
    const model = parse(
      [
        'class profile::dirs {',
        "  $private = { mode => '0700' }",
        "  create_resources('file', { '/srv/a' => $private })",
        "  file { '/srv/b': * => $private, ensure => directory }",
        "  ['c'].each |$name| { ensure_resource('file', \"/srv/${name}\", $private) }",
        '}',
      ].join('\n'),
    );
    expect(summary(model).map((unit) => unit.attributes)).toEqual([
      ["mode='0700'@2"],
      ["mode='0700'@2", 'ensure=directory@4'],
      ["mode='0700'@2"],
    ]);
  });

  it("reads a parameter's default hash, and still leaves the parameter to what sets it elsewhere", () => {
    const model = parse(
      [
        "class profile::dirs (Hash $dirs = { '/srv/a' => { mode => '0777' } }) {",
        "  create_resources('file', $dirs)",
        '}',
      ].join('\n'),
    );
    expect(summary(model)).toEqual([
      { type: 'file', title: "'/srv/a'", line: 1, attributes: ["mode='0777'@1"] },
    ]);
    expect(model.hashDeclarations?.map((declaration) => declaration.hashName)).toEqual([
      'profile::dirs::dirs',
    ]);
  });

  it('records a declaration whose hash a parameter, Hiera or another class gives, for the engine', () => {
    const model = parse(
      [
        'class profile::repos (Hash $repos = {}, Hash $mirrors) {',
        "  $local = { 'x' => { sslverify => true } }",
        "  create_resources('yumrepo', $repos, { enabled => 1 })",
        "  create_resources('Yumrepo', lookup('profile::extra_repos'))",
        "  ensure_resources('yumrepo', $::site::repos)",
        "  create_resources('yumrepo', $local)",
        "  create_resources('yumrepo', $mirrors, $unknown_defaults)",
        "  ensure_resource('yumrepo', 'one', $mirrors)",
        "  file { '/etc/yum.conf': * => $mirrors, ensure => file }",
        '}',
      ].join('\n'),
    );
    expect(
      model.hashDeclarations?.map((declaration) => ({
        type: declaration.type,
        hashName: declaration.hashName,
        defaults: declaration.defaults.map((entry) => entry.name),
        within: declaration.within,
        line: declaration.range.line,
      })),
    ).toEqual([
      {
        type: 'yumrepo',
        hashName: 'profile::repos::repos',
        defaults: ['enabled'],
        within: 'profile::repos',
        line: 3,
      },
      {
        type: 'yumrepo',
        hashName: 'profile::extra_repos',
        defaults: [],
        within: 'profile::repos',
        line: 4,
      },
      {
        type: 'yumrepo',
        hashName: 'site::repos',
        defaults: [],
        within: 'profile::repos',
        line: 5,
      },
      {
        type: 'yumrepo',
        hashName: 'profile::repos::mirrors',
        defaults: [],
        within: 'profile::repos',
        line: 8,
      },
      {
        type: 'file',
        hashName: 'profile::repos::mirrors',
        defaults: ['ensure'],
        within: 'profile::repos',
        line: 9,
      },
    ]);
    expect(model.hashDeclarations?.map((declaration) => declaration.usedAs).slice(-2)).toEqual([
      "as the attributes that `ensure_resource` gives the `yumrepo` resource `'one'`",
      "as the attributes that `*` gives the `file` resource `'/etc/yum.conf'`",
    ]);
    // The local hash is read where it is written, as the default `{}` of `$repos` is.
    expect(model.units.map((unit) => unit.name)).toEqual(['x', '/etc/yum.conf']);
  });

  it('reads the resources an each over a hash declares, one per entry, with the body attributes', () => {
    const model = parse(
      [
        'class profile::repos (Hash $repos = {}) {',
        "  $mirrors = { 'm1' => { sslverify => false } }",
        '  $mirrors.each |String $name, Hash $attributes| {',
        '    yumrepo { $name:',
        '      *       => $attributes,',
        '      enabled => 1,',
        '    }',
        '  }',
        '  $repos.each |$name, $attributes| { yumrepo { $name: * => $attributes, gpgcheck => 1 } }',
        "  ['/srv/x'].each |$path| { file { $path: ensure => file } }",
        '}',
      ].join('\n'),
    );
    expect(
      summary(model).filter((unit) => unit.title !== '$name' && unit.title !== '$path'),
    ).toEqual([
      { type: 'yumrepo', title: "'m1'", line: 2, attributes: ['sslverify=false@2', 'enabled=1@6'] },
      // over a written array, the resource is titled by every item, as with several titles
      { type: 'file', title: "['/srv/x']", line: 10, attributes: ['ensure=file@10'] },
    ]);
    expect(
      model.hashDeclarations?.map((declaration) => ({
        hashName: declaration.hashName,
        type: declaration.type,
        usedAs: declaration.usedAs,
        defaults: declaration.defaults.map((entry) => entry.name),
        line: declaration.range.line,
      })),
    ).toEqual([
      {
        hashName: 'profile::repos::repos',
        type: 'yumrepo',
        usedAs: 'as a `yumrepo` resource that `each` declares',
        defaults: ['gpgcheck'],
        line: 9,
      },
    ]);
  });

  it('leaves alone a hash it cannot read where it is written', () => {
    const model = parse(
      [
        'class profile::dirs (Hash $dirs, Hash $defaults) {',
        "  $local = { mode => '0700' }",
        "  $local = lookup('dirs')",
        "  create_resources('file', $dirs)",
        "  create_resources('file', { '/srv/a' => $local })",
        "  create_resources('file', { '/srv/b' => {} }, $defaults)",
        "  ensure_resource('file', '/srv/c', $defaults)",
        '  create_resources("${kind}_config", { \'x\' => { value => 1 } })',
        "  file { '/srv/d': * => $defaults }",
        "  file { '/srv/e': * => { $key => 'x' } }",
        '}',
        "class profile::other { create_resources('file', { '/srv/f' => $local }) }",
      ].join('\n'),
    );
    expect(summary(model)).toEqual([
      { type: 'file', title: "'/srv/d'", line: 9, attributes: ['*=$defaults@9'] },
      { type: 'file', title: "'/srv/e'", line: 10, attributes: ["*={ $key => 'x' }@10"] },
    ]);
  });
});

describe('Puppet parser: values', () => {
  const valueOf = (expression: string) => {
    const model = parse(`$v = ${expression}\n`);
    const variable = model.variables.find((candidate) => candidate.name === 'v');
    if (!variable) throw new Error(`no variable for ${expression}`);
    return variable.value;
  };

  it('decodes strings as Puppet does', () => {
    expect(valueOf(String.raw`'it\'s a \\ \n'`)).toMatchObject({
      kind: 'string',
      value: String.raw`it's a \ \n`,
      dynamic: false,
    });
    expect(valueOf(String.raw`"a\tb\$c \u00e9 \q"`)).toMatchObject({
      kind: 'string',
      value: 'a\tb$c é \\q',
      dynamic: false,
    });
    expect(valueOf('"pw-${secret}-$user!"')).toMatchObject({
      kind: 'string',
      value: 'pw-${secret}-$user!',
      dynamic: true,
      text: '"pw-${secret}-$user!"',
    });
    expect(valueOf('present')).toMatchObject({ kind: 'string', value: 'present', dynamic: false });
  });

  it('reads numbers, booleans and undef', () => {
    expect(valueOf('0644')).toMatchObject({ kind: 'number', value: 0o644, text: '0644' });
    expect(valueOf('0x1F')).toMatchObject({ kind: 'number', value: 31 });
    expect(valueOf('-1.5')).toMatchObject({ kind: 'number', value: -1.5 });
    expect(valueOf('true')).toMatchObject({ kind: 'boolean', value: true });
    expect(valueOf('undef')).toMatchObject({ kind: 'null', value: null });
  });

  it('tells references, calls and other expressions apart', () => {
    expect(valueOf('$::fqdn')).toMatchObject({ kind: 'reference', name: '::fqdn', dynamic: true });
    expect(valueOf("$facts['os']['family']")).toMatchObject({
      kind: 'reference',
      name: 'facts',
      text: "$facts['os']['family']",
    });
    expect(valueOf("lookup('db::password')")).toMatchObject({
      kind: 'call',
      name: 'lookup',
      dynamic: true,
    });
    expect(valueOf("Sensitive('s3cret')").items?.[0]).toMatchObject({
      kind: 'string',
      value: 's3cret',
    });
    expect(valueOf("Sensitive.new('s3cret')")).toMatchObject({
      kind: 'call',
      name: 'Sensitive.new',
      items: [{ value: 's3cret' }],
    });
    expect(valueOf('$password.unwrap')).toMatchObject({
      kind: 'call',
      name: 'unwrap',
      items: [{ kind: 'reference', name: 'password' }],
    });
    expect(valueOf("template('m/x.erb')")).toMatchObject({ kind: 'call', name: 'template' });
    expect(valueOf("$x ? { 'a' => 1, default => 2 }")).toMatchObject({
      kind: 'expression',
      dynamic: true,
    });
    expect(valueOf("Enum['a', 'b']")).toMatchObject({ kind: 'expression', dynamic: true });
    expect(valueOf('$a + 1')).toMatchObject({ kind: 'expression', text: '$a + 1' });
  });

  it('reads heredocs with their text and flags', () => {
    const model = parse(
      '$config = @("END":json/L)\n  {"password": "s3cret", \\\n   "user": "${user}"}\n  | END\n$plain = @(EOT)\nno ${interpolation}\nEOT\n',
    );
    const [config, plain] = model.variables;
    expect(config?.value).toMatchObject({
      kind: 'string',
      dynamic: true,
      value: '{"password": "s3cret",  "user": "${user}"}\n',
    });
    expect(config?.value.range).toMatchObject({ line: 2, endLine: 3 });
    expect(plain?.value).toMatchObject({
      kind: 'string',
      dynamic: false,
      value: 'no ${interpolation}\n',
      text: 'no ${interpolation}',
    });
  });
});

describe('Puppet parser: variables', () => {
  it('reads class and define parameters, with or without defaults', () => {
    const model = parse(
      "class db (\n  String $password = 'changeme',\n  $user,\n) { }\ndefine site($root = '/srv') { }\n",
    );
    const parameters = model.variables.filter((variable) => variable.scope === 'parameter');
    expect(parameters.map((variable) => variable.name)).toEqual(['password', 'user', 'root']);
    expect(parameters[0]?.value).toMatchObject({ kind: 'string', value: 'changeme' });
    expect(parameters[0]?.range).toEqual({ line: 2, column: 10, endLine: 2, endColumn: 19 });
    expect(parameters[1]?.value).toMatchObject({ kind: 'null', text: '' });
  });

  it('names assignments by their last segment and flattens hashes', () => {
    const model = parse(
      "$apache::params::user = 'www'\n$db = { 'mysql' => { 'root_password' => 'hunter2' } }\n",
    );
    expect(model.variables[0]).toMatchObject({
      name: 'user',
      path: ['apache', 'params', 'user'],
      scope: 'data',
    });
    const nested = model.variables.find((variable) => variable.name === 'root_password');
    expect(nested).toMatchObject({
      path: ['db', 'mysql', 'root_password'],
      value: { kind: 'string', value: 'hunter2' },
    });
    expect(
      model.variables.find((variable) => variable.name === 'db')?.value.entries?.[0]?.name,
    ).toBe('mysql');
  });

  it('names what a parameter belongs to, and the class or define each resource is declared in', () => {
    const model = parse(
      "class profile::lab ($mode = 'permissive') {\n  class { 'selinux': mode => $mode }\n}\ndefine app::site($root) {\n  file { $root: ensure => directory }\n}\nfile { '/etc/motd': }\n",
    );
    expect(model.variables.map((variable) => [variable.name, variable.owner])).toEqual([
      ['mode', 'profile::lab'],
      ['root', 'app::site'],
    ]);
    expect(model.units.map((unit) => [unit.type, unit.within])).toEqual([
      ['class', 'profile::lab'],
      ['file', 'app::site'],
      ['file', undefined],
    ]);
  });

  it('reads the keys of the hashes merge() combines as keys of the result', () => {
    const model = parse("$settings = merge($defaults, { 'listen_address' => '0.0.0.0' })\n");
    expect(model.variables.find((variable) => variable.name === 'listen_address')).toMatchObject({
      path: ['settings', 'listen_address'],
      value: { value: '0.0.0.0' },
    });
  });
});

describe('Puppet parser: comments, conditions, errors', () => {
  it('collects comments outside strings', () => {
    const model = parse("# top\n$x = '# not a comment' /* inline */\n");
    expect(model.comments).toEqual([
      { text: 'top', range: { line: 1, column: 1, endLine: 1, endColumn: 6 } },
      { text: 'inline', range: { line: 2, column: 24, endLine: 2, endColumn: 36 } },
    ]);
  });

  it('records case, selectors and if/unless with whether they have a default', () => {
    const model = parse(
      [
        "case $os { 'a': { } default: { } }",
        "case $os { 'a': { } }",
        "$v = $os ? { 'a' => 1 }",
        'if $a { } elsif $b { }',
        'if $a { } elsif $b { } else { }',
        'unless $a { } else { }',
      ].join('\n'),
    );
    expect(
      model.conditions.map((condition) => [
        condition.kind,
        condition.hasDefault,
        condition.range.line,
      ]),
    ).toEqual([
      ['case', true, 1],
      ['case', false, 2],
      ['selector', false, 3],
      ['if', false, 4],
      ['if', true, 5],
      ['if', true, 6],
    ]);
  });

  it('explains a syntax error with its line instead of throwing', () => {
    const outcome = parsePuppet('x.pp', "file { '/x':\n  mode => '0644'\n  owner => 'root',\n}\n");
    expect(outcome).toEqual({
      ok: false,
      error: {
        path: 'x.pp',
        kind: 'syntax',
        message: "Puppet: expected '}' to close the resource, found 'owner'",
        line: 3,
      },
    });
  });

  it('is the parser for puppet files', () => {
    const outcome = parseFile('site.pp', 'node default { }\n', 'puppet');
    expect(outcome.ok && outcome.model.lines).toEqual(['node default { }', '']);
  });
});
