import { beforeAll, describe, expect, it } from 'vitest';
import { initParsers } from '../../../src/languages/parse-file.js';
import { parsedConfig as parsed } from './support.js';

beforeAll(async () => {
  await initParsers();
});

/** `iterable over targets: line@number | ...` for each loop a template's model keeps. */
function loopsOf(path: string, source: string): string[] {
  const config = parsed(path, source, 'ansible').config;
  return (config?.loops ?? []).map(
    (loop) =>
      `${loop.iterable} ${loop.over} ${loop.targets.join(',')}: ${loop.lines
        .map((line) => `${line.text}@${line.range.line}`)
        .join(' | ')}`,
  );
}

describe('template loops', () => {
  it('keeps the lines a loop writes for each item or entry of a variable', () => {
    expect(
      loopsOf(
        'roles/pg/templates/pg_hba.conf.j2',
        [
          '# {{ ansible_managed }}',
          '{% for client in postgresql_hba_entries %}',
          '{{ client.type }} {{ client.database }} {{ client.user }} {{ client.auth_method }}',
          '{% endfor %}',
          '{%- for key, value in pg_settings.items() -%}',
          '{{ key }} {{ value }}',
          '{% endfor %}',
          '{% for entry in pg_more | dict2items %}',
          '{{ entry.key }} {{ entry.value }}',
          '{% endfor %}',
        ].join('\n'),
      ),
    ).toEqual([
      'postgresql_hba_entries items client: {{ client.type }} {{ client.database }} {{ client.user }} {{ client.auth_method }}@3',
      'pg_settings entries key,value: {{ key }} {{ value }}@6',
      'pg_more entry-maps entry: {{ entry.key }} {{ entry.value }}@9',
    ]);
  });

  it('leaves out lines under a condition or an inner loop, one-line loops and other iterables', () => {
    expect(
      loopsOf(
        'roles/base/templates/sysctl.conf.j2',
        [
          '{% for key, value in sysctl_settings.items() %}',
          '{% if value is not none %}',
          '{{ key }} = {{ value }}',
          '{% endif %}',
          '{% endfor %}',
          '{% for group in groups %}{% for key in group %}',
          '{{ key }} = 1',
          '{% endfor %}{% endfor %}',
          'kernel.modules_disabled = {% for x in flags %}{{ x }}{% endfor %}',
          '{% for n in range(3) %}',
          'vm.nr_hugepages = {{ n }}',
          '{% endfor %}',
          '{% for key in keys if key %}',
          '{{ key }} = 0',
          '{% endfor %}',
          '{% for key, value in settings %}',
          '{{ key }} = {{ value }}',
          '{% endfor %}',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
