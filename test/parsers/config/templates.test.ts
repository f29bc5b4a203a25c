import { beforeAll, describe, expect, it } from 'vitest';
import { erbTags, initTemplateParser } from '../../../src/parsers/templates/erb-tags.js';
import { readErbConditionWays } from '../../../src/parsers/templates/erb-conditions.js';
import { readFlagTest } from '../../../src/parsers/templates/flag-test.js';
import { selectsHosts } from '../../../src/parsers/templates/host-test.js';
import {
  readConditionAlternatives,
  readConditionParts,
} from '../../../src/parsers/templates/condition-parts.js';
import { erbSelectsHosts } from '../../../src/parsers/templates/erb-host-test.js';
import { jinjaSets } from '../../../src/parsers/templates/jinja-sets.js';
import { jinjaTags } from '../../../src/parsers/templates/jinja-tags.js';
import { renderLines } from '../../../src/parsers/templates/render-lines.js';
import { TemplateSyntaxError } from '../../../src/parsers/templates/tags.js';
import type { VariableTest } from '../../../src/model/model.js';

beforeAll(async () => {
  await initTemplateParser();
});

describe('Jinja2 tags', () => {
  it('finds expressions, statements and comments with their offsets and nesting', () => {
    const source = 'A {{ x }}\n{% if y -%}\nB\n{%- endif %}{# note #}';
    expect(
      jinjaTags(source).map(({ kind, code, start, nesting }) => [kind, code, start, nesting]),
    ).toEqual([
      ['output', 'x', 2, 'none'],
      ['statement', 'if y', 10, 'opens'],
      ['statement', 'endif', 24, 'closes'],
      ['comment', 'note', 36, 'none'],
    ]);
  });

  it('does not close a tag on a delimiter inside a string', () => {
    expect(jinjaTags('{{ "}}" ~ x }}').map((tag) => tag.code)).toEqual(['"}}" ~ x']);
  });

  it('reads raw blocks as text', () => {
    const tags = jinjaTags('{% raw %}{{ not a tag }}{% endraw %}{{ y }}');
    expect(tags.filter((tag) => tag.kind === 'output').map((tag) => tag.code)).toEqual(['y']);
  });

  it('rejects an unclosed tag with its offset', () => {
    expect(() => jinjaTags('Port 22\nPermitRootLogin {{ x\n')).toThrow(TemplateSyntaxError);
  });
});

describe('Jinja2 variables a template sets', () => {
  it('reads top-level sets, literals as values and expressions as Jinja, with their positions', () => {
    const source = [
      "{% set root = 'yes' %}",
      '{%- set port = 2222 -%}',
      '{% set strict = False %}',
      "{% set login = ssh_login | default('no') %}",
      "{% if lab %}{% set tunnel = 'yes' %}{% endif %}",
      "{% for user in users %}{% set shell = '/bin/sh' %}{% endfor %}",
      '{% set block %}text{% endset %}',
      'PermitRootLogin {{ root }}',
    ].join('\n');
    expect(
      jinjaSets(source, jinjaTags(source)).map(({ name, value, range, scope }) => ({
        name,
        scope,
        kind: value.kind,
        value: value.value,
        dynamic: value.dynamic,
        at: `${range.line}:${range.column} ${value.range.line}:${value.range.column}`,
      })),
    ).toEqual([
      {
        name: 'root',
        scope: 'template',
        kind: 'string',
        value: 'yes',
        dynamic: false,
        at: '1:8 1:15',
      },
      {
        name: 'port',
        scope: 'template',
        kind: 'number',
        value: 2222,
        dynamic: false,
        at: '2:9 2:16',
      },
      {
        name: 'strict',
        scope: 'template',
        kind: 'boolean',
        value: false,
        dynamic: false,
        at: '3:8 3:17',
      },
      {
        name: 'login',
        scope: 'template',
        kind: 'string',
        value: "{{ ssh_login | default('no') }}",
        dynamic: true,
        at: '4:8 4:16',
      },
    ]);
  });
});

describe('ERB and EPP tags', () => {
  it('reads output, code and comment tags, with trim marks, as the grammar does', () => {
    const tags = erbTags('A <%= @a %>\n<%- if @b -%>\n<%# c %>\n<% end -%>\n', 'ruby');
    expect(tags.map(({ kind, code, nesting }) => [kind, code, nesting])).toEqual([
      ['output', '@a', 'none'],
      ['statement', 'if @b', 'opens'],
      ['comment', 'c', 'none'],
      ['statement', 'end', 'closes'],
    ]);
  });

  it('tells a loop from a condition, in Ruby and in Puppet', () => {
    const ruby = erbTags('<% @users.each do |user| %><% end %><% unless x %><% end %>', 'ruby');
    expect(ruby.filter((tag) => tag.nesting === 'opens').map((tag) => tag.condition)).toEqual([
      false,
      true,
    ]);
    const puppet = erbTags('<% $users.each |$u| { -%><% } -%><% if $x { %><% } %>', 'puppet');
    expect(puppet.filter((tag) => tag.nesting === 'opens').map((tag) => tag.condition)).toEqual([
      false,
      true,
    ]);
  });
});

describe('rendered lines', () => {
  const render = (source: string) =>
    renderLines(source, jinjaTags(source), (code) => `{{ ${code} }}`);

  it('drops statement-only lines and traces every value back to the source', () => {
    const source = '{% if a %}\nPermitRootLogin {{ root }}\n{% endif %}\nPort 22\n';
    const lines = render(source);
    expect(lines.map((line) => [line.text, line.conditional, line.templated])).toEqual([
      ['PermitRootLogin {{ root }}', true, true],
      ['Port 22', false, false],
    ]);
    const [first] = lines;
    expect(first?.rangeOf(16, first.text.length)).toEqual({
      line: 2,
      column: 17,
      endLine: 2,
      endColumn: 27,
    });
  });

  it('keeps text inside a loop unconditional', () => {
    const source = '{% for u in users %}\n{{ u }} ALL=(ALL) ALL\n{% endfor %}\n';
    expect(render(source).map((line) => line.conditional)).toEqual([false]);
  });

  it('says which flags write a line, branch by branch, where every condition tests one', () => {
    const source = [
      '{% if root %}',
      'PermitRootLogin yes',
      '{% elif not keys_only | bool %}',
      'PermitRootLogin prohibit-password',
      '{% else %}',
      'PermitRootLogin no',
      '{% endif %}',
      '{% if (x11 | bool) %}{% for port in ports %}',
      'X11Forwarding yes',
      '{% endfor %}{% endif %}',
      "{% if tunnel == 'yes' %}",
      'PermitTunnel yes',
      '{% else %}',
      'PermitTunnel no',
      '{% endif %}',
      '{% if banner is defined %}',
      'Banner /etc/issue',
      '{% endif %}',
      '{% if lab %}{% if legacy %}',
      'Ciphers 3des-cbc',
      '{% endif %}{% endif %}',
      'Port 22',
      '',
    ].join('\n');
    const root = (when: boolean) => ({ name: 'root', test: 'truth', when });
    expect(render(source).map((line) => [line.text, line.ways])).toEqual([
      ['PermitRootLogin yes', [[root(true)]]],
      [
        'PermitRootLogin prohibit-password',
        [[root(false), { name: 'keys_only', test: 'bool', when: false }]],
      ],
      ['PermitRootLogin no', [[root(false), { name: 'keys_only', test: 'bool', when: true }]]],
      ['X11Forwarding yes', [[{ name: 'x11', test: 'bool', when: true }]]],
      ['PermitTunnel yes', [[{ name: 'tunnel', test: { equals: 'yes' }, when: true }]]],
      ['PermitTunnel no', [[{ name: 'tunnel', test: { equals: 'yes' }, when: false }]]],
      ['Banner /etc/issue', [[{ name: 'banner', test: 'defined', when: true }]]],
      [
        'Ciphers 3des-cbc',
        [
          [
            { name: 'lab', test: 'truth', when: true },
            { name: 'legacy', test: 'truth', when: true },
          ],
        ],
      ],
      ['Port 22', undefined],
    ]);
  });

  it('keeps the flags of a line whose text sits on both sides of a loop or a closed block', () => {
    const source =
      '{% if lab %}\nAllowUsers {% for u in users %}{{ u }} {% endfor %}root{% if x %} x{% endif %}\n{% endif %}\n';
    expect(render(source).map(({ text, ways }) => [text, ways])).toEqual([
      ['AllowUsers {{ u }} root x', undefined],
    ]);
    const loopOnly =
      '{% if lab %}\nAllowUsers {% for u in users %}{{ u }} {% endfor %}root\n{% endif %}\n';
    expect(render(loopOnly).map(({ text, ways }) => [text, ways])).toEqual([
      ['AllowUsers {{ u }} root', [[{ name: 'lab', test: 'truth', when: true }]]],
    ]);
  });

  it('writes a branch under `and` under every flag it joins, and the branches after it under none', () => {
    const source = [
      "{% if lab | bool and not keys_only and mode == 'x' %}",
      'PermitRootLogin yes',
      '{% elif root %}',
      'PermitRootLogin prohibit-password',
      '{% else %}',
      'PermitRootLogin no',
      '{% endif %}',
      '{% if root %}',
      'PermitEmptyPasswords no',
      '{% elif lab and legacy %}',
      'PermitEmptyPasswords yes',
      '{% else %}',
      'PermitEmptyPasswords maybe',
      '{% endif %}',
      '',
    ].join('\n');
    const root = (when: boolean) => ({ name: 'root', test: 'truth', when });
    expect(render(source).map(({ text, conditional, ways }) => [text, conditional, ways])).toEqual([
      [
        'PermitRootLogin yes',
        true,
        [
          [
            { name: 'lab', test: 'bool', when: true },
            { name: 'keys_only', test: 'truth', when: false },
            { name: 'mode', test: { equals: 'x' }, when: true },
          ],
        ],
      ],
      ['PermitRootLogin prohibit-password', true, undefined],
      ['PermitRootLogin no', true, undefined],
      ['PermitEmptyPasswords no', true, [[root(true)]]],
      [
        'PermitEmptyPasswords yes',
        true,
        [
          [
            root(false),
            { name: 'lab', test: 'truth', when: true },
            { name: 'legacy', test: 'truth', when: true },
          ],
        ],
      ],
      ['PermitEmptyPasswords maybe', true, undefined],
    ]);
  });

  it('writes a branch under `or` in each of its ways, and the branches after it where all fail', () => {
    const source = [
      '{% if lab | bool or (legacy and not strict) %}',
      'PermitRootLogin yes',
      '{% elif debug or tunnel is defined %}',
      'PermitRootLogin prohibit-password',
      '{% else %}',
      'PermitRootLogin no',
      '{% endif %}',
      '{% if a or b %}{% if c or d %}',
      'X11Forwarding yes',
      '{% endif %}{% endif %}',
      '{% if a or b %}',
      'Port 22',
      '{% else %}',
      'Port 2222',
      '{% endif %}',
      "{% if ansible_os_family == 'RedHat' or lab %}",
      'UsePAM no',
      '{% else %}',
      'UsePAM yes',
      '{% endif %}',
      '{% if a or b or c or d or e %}{% if f or g or h or i %}',
      'Banner none',
      '{% endif %}{% endif %}',
      '',
    ].join('\n');
    const flag = (name: string, when: boolean, test: VariableTest = 'truth') => ({
      name,
      test,
      when,
    });
    const lines = render(source);
    expect(lines.map(({ text, conditional, ways }) => [text, conditional, ways])).toEqual([
      [
        'PermitRootLogin yes',
        true,
        [[flag('lab', true, 'bool')], [flag('legacy', true), flag('strict', false)]],
      ],
      ['PermitRootLogin prohibit-password', true, undefined],
      ['PermitRootLogin no', true, undefined],
      [
        'X11Forwarding yes',
        true,
        [
          [flag('a', true), flag('c', true)],
          [flag('a', true), flag('d', true)],
          [flag('b', true), flag('c', true)],
          [flag('b', true), flag('d', true)],
        ],
      ],
      ['Port 22', true, [[flag('a', true)], [flag('b', true)]]],
      ['Port 2222', true, [[flag('a', false), flag('b', false)]]],
      ['UsePAM no', false, undefined],
      ['UsePAM yes', false, undefined],
      ['Banner none', true, undefined],
    ]);
    expect(lines.map((line) => line.hostSpecific === true)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  it('stops following conditions nested, or chained, past sixty-four', () => {
    const nested = (depth: number) =>
      render(
        `${'{% if lab %}\n'.repeat(depth)}PermitRootLogin yes\n${'{% endif %}\n'.repeat(depth)}`,
      );
    expect(nested(64)[0]?.ways?.[0]).toHaveLength(64);
    expect([nested(65)[0]?.conditional, nested(65)[0]?.ways]).toEqual([true, undefined]);
    const chained = (length: number) =>
      render(
        `{% if a0 %}\nX\n${Array.from({ length }, (_, n) => `{% elif a${n + 1} %}\nX\n`).join('')}{% else %}\nPermitRootLogin yes\n{% endif %}\n`,
      ).at(-1);
    expect(chained(63)?.ways?.[0]).toHaveLength(64);
    expect([chained(64)?.conditional, chained(64)?.ways]).toEqual([true, undefined]);
  });
});

describe('conditions that pick hosts', () => {
  it('are those that read only what Ansible knows of the host', () => {
    for (const condition of [
      "ansible_os_family == 'Debian'",
      "ansible_facts['distribution_major_version'] | int >= 8",
      'ansible_facts.os_family in ["Debian", "Ubuntu"]',
      "ansible_distribution_version is version('20.04', '>=')",
      "'bastion' in group_names and not ansible_check_mode",
      "inventory_hostname in groups['web']",
    ])
      expect(selectsHosts(condition), condition).toBe(true);
    for (const condition of [
      'ssh_legacy',
      "ansible_os_family == 'Debian' and ssh_legacy",
      'x11 is defined',
      "hostvars[inventory_hostname]['ssh_lab']",
      "lookup('env', 'LAB') == 'yes'",
      "'yes' == 'yes'",
    ])
      expect(selectsHosts(condition), condition).toBe(false);
  });

  it('are read as alternatives where `or` joins parts at the top, brackets and all', () => {
    const flags = (condition: string) =>
      readConditionAlternatives(condition)?.map(({ picksHosts, flags: tested }) => [
        picksHosts,
        ...tested.map(({ name, negated }) => `${negated ? '!' : ''}${name}`),
      ]);
    expect(flags("ansible_os_family == 'Debian' or lab | bool")).toEqual([[true], [false, 'lab']]);
    expect(flags('(lab and not keys) or (legacy | bool or debug)')).toEqual([
      [false, 'lab', '!keys'],
      [false, 'legacy'],
      [false, 'debug'],
    ]);
    expect(flags("lab and mode == 'a or b'")).toEqual([[false, 'lab', 'mode']]);
    expect(flags('lab or x is not defined')).toBeUndefined();
    expect(flags("lab and (legacy or ansible_os_family == 'Debian') and not keys")).toEqual([
      [false, 'lab', '!keys', 'legacy'],
      [true, 'lab', '!keys'],
    ]);
    expect(flags('(a or b) and (c or (d and e))')).toEqual([
      [false, 'a', 'c'],
      [false, 'a', 'd', 'e'],
      [false, 'b', 'c'],
      [false, 'b', 'd', 'e'],
    ]);
    expect(flags('lab and (legacy or x is not defined)')).toBeUndefined();
    // Past sixteen ways, or eight brackets deep, a condition is not read.
    expect(flags(Array.from({ length: 5 }, (_, n) => `(a${n} or b${n})`).join(' and '))).toBe(
      undefined,
    );
    expect(flags(`${'(a or '.repeat(9)}b${')'.repeat(9)}`)).toBeUndefined();
    expect(flags(`${'(a or '.repeat(8)}b${')'.repeat(8)}`)).toHaveLength(9);
    // Brackets around a whole part are taken off however many there are.
    expect(flags(`${'( '.repeat(20_000)}lab${' )'.repeat(20_000)} or debug`)).toEqual([
      [false, 'lab'],
      [false, 'debug'],
    ]);
  });

  it('are read beside the flags an `and` joins to them, and not beside an `or`', () => {
    expect(
      readConditionParts("ansible_os_family == 'Debian' and (lab | bool) and not keys"),
    ).toEqual({
      picksHosts: true,
      flags: [
        { name: 'lab', test: 'bool', negated: false },
        { name: 'keys', test: 'truth', negated: true },
      ],
    });
    expect(readConditionParts("'web' in group_names and ansible_os_family == 'band or'")).toEqual({
      picksHosts: true,
      flags: [],
    });
    expect(readConditionParts("ansible_os_family == 'Debian' or lab")).toBeUndefined();
    expect(readConditionParts('lab and x is defined')).toEqual({
      picksHosts: false,
      flags: [
        { name: 'lab', test: 'truth', negated: false },
        { name: 'x', test: 'defined', negated: false },
      ],
    });
    expect(readConditionParts('lab and x is not defined')).toBeUndefined();
    const source =
      "{% if ansible_os_family == 'Debian' and lab %}\nA yes\n{% else %}\nB yes\n{% endif %}\n";
    const lines = renderLines(source, jinjaTags(source), (_code, written) => written);
    expect(lines.map(({ text, conditional, ways }) => ({ text, conditional, ways }))).toEqual([
      { text: 'A yes', conditional: true, ways: [[{ name: 'lab', test: 'truth', when: true }]] },
      { text: 'B yes', conditional: false, ways: undefined },
    ]);
  });

  it('are read in ERB and EPP from Ohai attributes and facts, and nothing else', () => {
    for (const code of [
      "if node['platform'] == 'ubuntu'",
      'if node[:platform_version].to_i >= 8 then',
      "elsif @osfamily == 'Debian'",
      "if @facts['os']['family'] == 'RedHat' && @operatingsystemmajrelease.to_i < 8",
      "unless scope['::osfamily'] =~ /^(Debian|Ubuntu)$/",
    ])
      expect(erbSelectsHosts(code, 'ruby'), code).toBe(true);
    for (const code of [
      "if $facts['os']['family'] == 'Debian' {",
      "} elsif versioncmp($::operatingsystemmajrelease, '8') >= 0 {",
    ])
      expect(erbSelectsHosts(code, 'puppet'), code).toBe(true);
    for (const code of [
      "if node['ssh']['lab']",
      "if node['platform'] == @wanted",
      'if @lab',
      "if node['platform'] == 'ubuntu' && lab?",
      `if node['platform'] == ${'1'.repeat(40)}x`,
    ])
      expect(erbSelectsHosts(code, 'ruby'), code).toBe(false);
    expect(erbSelectsHosts("if $facts['os']['family'] == $wanted {", 'puppet')).toBe(false);
  });

  it("leave the text under them unconditional, but never settling a keyword's first value", () => {
    const source =
      "{% if ansible_os_family == 'Debian' %}\nA no\n{% else %}\nA yes\n{% endif %}\n{% if ansible_os_family == 'Debian' %}{% if lab %}\nB yes\n{% endif %}{% endif %}\n";
    const lines = renderLines(source, jinjaTags(source), (_code, written) => written);
    expect(
      lines.map(({ text, conditional, ways, hostSpecific }) => ({
        text,
        conditional,
        ways,
        hostSpecific,
      })),
    ).toEqual([
      { text: 'A no', conditional: false, ways: undefined, hostSpecific: true },
      { text: 'A yes', conditional: false, ways: undefined, hostSpecific: true },
      {
        text: 'B yes',
        conditional: true,
        ways: [[{ name: 'lab', test: 'truth', when: true }]],
        hostSpecific: true,
      },
    ]);
  });
});

describe('flag tests', () => {
  it('reads a condition on one variable, by its truth or through bool, and nothing else', () => {
    expect(readFlagTest('x11')).toEqual({ name: 'x11', test: 'truth', negated: false });
    expect(readFlagTest(' ( ssh.x11|bool ) ')).toEqual({
      name: 'ssh.x11',
      test: 'bool',
      negated: false,
    });
    expect(readFlagTest('not x11 | bool')).toEqual({ name: 'x11', test: 'bool', negated: true });
    expect(readFlagTest("mode == 'on'")).toEqual({
      name: 'mode',
      test: { equals: 'on' },
      negated: false,
    });
    expect(readFlagTest('not (mode != "off")')).toEqual({
      name: 'mode',
      test: { equals: 'off' },
      negated: false,
    });
    expect(readFlagTest('ssh.x11 is defined')).toEqual({
      name: 'ssh.x11',
      test: 'defined',
      negated: false,
    });
    // Where a definition reaches only some hosts, the others have none: no definition decides.
    for (const other of [
      'x11 is not defined',
      'x11 is undefined',
      'not x11 is defined',
      'x11 == 1',
      'a and b',
      '(x11',
      'True',
      'True is defined',
      'x11()',
    ])
      expect(readFlagTest(other), other).toBeUndefined();
  });

  it('reads an ERB or EPP condition on one variable, as the tag writes the variable', () => {
    /** The one test a condition reads as, if it reads as one. */
    const readErbCondition = (code: string, language: 'ruby' | 'puppet') => {
      const ways = readErbConditionWays(code, language);
      const [way] = ways ?? [];
      return ways?.length === 1 && way?.tests.length === 1 && !way.picksHosts
        ? way.tests[0]
        : undefined;
    };
    expect(readErbCondition('if @x11', 'ruby')).toEqual({ operand: '@x11', negated: false });
    expect(readErbCondition('unless !@x11 then', 'ruby')).toEqual({
      operand: '@x11',
      negated: false,
    });
    expect(readErbCondition("elsif node['ssh']['mode'] == 'on'", 'ruby')).toEqual({
      operand: "node['ssh']['mode']",
      negated: false,
      equals: 'on',
    });
    expect(readErbCondition("if not scope['ssh::x11']", 'ruby')).toEqual({
      operand: "scope['ssh::x11']",
      negated: true,
    });
    expect(readErbCondition('} elsif $ssh::x11 {', 'puppet')).toEqual({
      operand: '$ssh::x11',
      negated: false,
    });
    expect(readErbCondition('unless $x11 {', 'puppet')).toEqual({ operand: '$x11', negated: true });
    // Puppet compares strings without regard to case.
    expect(readErbCondition("if $mode == 'on' {", 'puppet')).toEqual({
      operand: '$mode',
      negated: false,
      equals: 'on',
      ignoringCase: true,
    });
    expect(readErbCondition('} elsif $ssh::mode != "lab" {', 'puppet')).toEqual({
      operand: '$ssh::mode',
      negated: true,
      equals: 'lab',
      ignoringCase: true,
    });
    for (const [other, language] of [
      ['if @x11.nil?', 'ruby'],
      ['if @port == 22', 'ruby'],
      ['if (@a && @b)', 'ruby'],
      ['if @a and @b || @c', 'ruby'],
      ['if @a and @b or @c', 'ruby'],
      ['if @a && @port > 1', 'ruby'],
      ["if !$mode == 'on' {", 'puppet'],
      ['if $port == 22 {', 'puppet'],
      ['if @x11', 'puppet'],
      ['if $a && $b {', 'puppet'],
    ] as const)
      expect(readErbConditionWays(other, language), other).toBeUndefined();
  });

  it('reads the ways an ERB or EPP condition joins its tests in, and an `unless` as their failing', () => {
    const ways = (code: string, language: 'ruby' | 'puppet') =>
      readErbConditionWays(code, language)?.map(({ picksHosts, tests }) => [
        picksHosts,
        ...tests.map(({ operand, negated }) => `${negated ? '!' : ''}${operand}`),
      ]);
    expect(ways("if @lab && !@strict || node['ssh']['legacy']", 'ruby')).toEqual([
      [false, '@lab', '!@strict'],
      [false, "node['ssh']['legacy']"],
    ]);
    expect(ways('if @lab and @legacy then', 'ruby')).toEqual([[false, '@lab', '@legacy']]);
    expect(ways("if node['platform'] == 'ubuntu' && @lab", 'ruby')).toEqual([[true, '@lab']]);
    expect(ways('unless @lab && @legacy', 'ruby')).toEqual([
      [false, '!@lab'],
      [false, '!@legacy'],
    ]);
    expect(ways('unless @lab || @legacy', 'ruby')).toEqual([[false, '!@lab', '!@legacy']]);
    expect(ways("} elsif $lab and $mode != 'strict' or $legacy {", 'puppet')).toEqual([
      [false, '$lab', '!$mode'],
      [false, '$legacy'],
    ]);
    expect(ways("if $facts['os']['family'] == 'Debian' or $lab {", 'puppet')).toEqual([
      [true],
      [false, '$lab'],
    ]);
    const many = Array.from({ length: 17 }, (_, n) => `@a${n}`);
    expect(ways(`if ${many.join(' || ')}`, 'ruby')).toBeUndefined();
    expect(
      ways(
        `unless ${many
          .slice(0, 5)
          .map((a) => `${a} && ${a}x`)
          .join(' || ')}`,
        'ruby',
      ),
    ).toBe(undefined);
  });
});
