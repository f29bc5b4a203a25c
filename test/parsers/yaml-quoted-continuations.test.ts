import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';
import { parseYaml } from '../../src/parsers/yaml/parse-yaml.js';

/**
 * What Ansible's loader (PyYAML, pure Python and libyaml alike) makes of quoted and plain
 * scalars whose continuation lines are indented with tabs or too few spaces: the value, or
 * `rejected` when both loaders refuse the document.
 */
const PYYAML_VERDICTS: ReadonlyArray<{ name: string; text: string; value: unknown }> = [
  {
    name: 'a single-quoted value continued on a tab-indented line',
    text: "key: 'foo\n\tbar'\n",
    value: { key: 'foo bar' },
  },
  {
    name: 'a double-quoted value continued on a tab-indented line',
    text: 'key: "foo\n\tbar"\n',
    value: { key: 'foo bar' },
  },
  {
    name: 'a nested quoted value continued on a tab-indented line',
    text: "a:\n  b: 'x\n\ty'\n",
    value: { a: { b: 'x y' } },
  },
  {
    name: 'a quoted value continued less indented than its key',
    text: "a:\n  b: 'x\ny'\n",
    value: { a: { b: 'x y' } },
  },
  {
    name: 'a quoted list item continued on a tab-indented line',
    text: "a:\n  - 'x\n\ty'\n  - z\n",
    value: { a: ['x y', 'z'] },
  },
  {
    name: 'a quoted item of a flow list continued on a tab-indented line',
    text: "a: ['x\n\ty', 'z']\n",
    value: { a: ['x y', 'z'] },
  },
  {
    name: 'a line holding only a tab inside a quoted value',
    text: "a: 'x\n\t\n\ty'\n",
    value: { a: 'x\ny' },
  },
  {
    name: "a doubled quote ('') before the tab-indented line",
    text: "a: 'it''s\n\tok'\n",
    value: { a: "it's ok" },
  },
  {
    name: 'an escaped double quote before the tab-indented line',
    text: 'a: "x \\"q\\"\n\ty"\n',
    value: { a: 'x "q" y' },
  },
  {
    name: 'an escaped line break in a double-quoted value',
    text: 'key: "foo\\\n\tbar"\n',
    value: { key: 'foobar' },
  },
  {
    name: 'two quoted values in a row, then a key',
    text: 'a: \'x\n\ty\'\nb: "p\n\tq"\nc: 1\n',
    value: { a: 'x y', b: 'p q', c: 1 },
  },
  { name: 'Windows line endings', text: "a: 'x\r\n\ty'\r\n", value: { a: 'x y' } },
  {
    name: 'a plain value continued on a tab-indented line',
    text: 'key: foo\n\tbar\n',
    value: 'rejected',
  },
  { name: 'a mapping indented with a tab', text: 'a:\n\tb: 1\n', value: 'rejected' },
  {
    name: 'a key after the quoted value indented with a tab',
    text: "a: 'x\n\ty'\n\tb: 1\n",
    value: 'rejected',
  },
  { name: 'a document marker inside a quoted value', text: "a: 'x\n---\ny'\n", value: 'rejected' },
  { name: 'a quoted value that is never closed', text: "a: 'x\n\ty\nb: 1\n", value: 'rejected' },
  { name: 'a quoted key over two lines', text: "'a\n\tb': 1\n", value: 'rejected' },
  {
    name: 'a block scalar line indented with a tab',
    text: 'key: |\n  a\n\tb\n',
    value: 'rejected',
  },
];

function posture(text: string): unknown {
  try {
    return parseYaml(text).documents[0]?.toJS();
  } catch {
    return 'rejected';
  }
}

describe('quoted scalars continued on tab-indented lines, as Ansible reads them', () => {
  it.each(PYYAML_VERDICTS.map((verdict) => [verdict.name, verdict] as const))(
    '%s',
    (_name, { text, value }) => {
      expect(posture(text)).toEqual(value);
    },
  );

  it('keeps lines and maps columns back to the source on re-indented lines', () => {
    const source = [
      '---',
      "backup_description: 'Nightly backups of the application database,",
      "\tkept for thirty days.' # reviewed",
      'backup_banner: "Managed by Ansible.',
      '\tDo not edit by hand."',
      'backup_validate_certs: false',
      '',
    ].join('\n');
    const outcome = parseAnsible('roles/backup/defaults/main.yml', source);
    if (!outcome.ok) throw new Error(outcome.error.message);
    const byName = new Map(outcome.model.variables.map((variable) => [variable.name, variable]));
    expect(byName.get('backup_description')?.value).toMatchObject({
      value: 'Nightly backups of the application database, kept for thirty days.',
    });
    expect(byName.get('backup_description')?.value.range).toEqual({
      line: 2,
      column: 21,
      endLine: 3,
      endColumn: 24,
    });
    expect(byName.get('backup_banner')?.value).toMatchObject({
      value: 'Managed by Ansible. Do not edit by hand.',
    });
    expect(byName.get('backup_validate_certs')?.range).toEqual({
      line: 6,
      column: 1,
      endLine: 6,
      endColumn: 22,
    });
    expect(outcome.model.comments).toEqual([
      { text: 'reviewed', range: { line: 3, column: 25, endLine: 3, endColumn: 35 } },
    ]);
  });
});

/** The verdicts above, checked against PyYAML itself where it is installed. */
function pyyamlVerdicts(): unknown[] | undefined {
  const script = [
    'import json, sys, yaml',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    verdicts = set()',
    '    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):',
    '        try: verdicts.add(json.dumps(yaml.load(text, Loader=loader), sort_keys=True))',
    '        except yaml.YAMLError: verdicts.add(json.dumps("rejected"))',
    '    out.append([json.loads(v) for v in sorted(verdicts)])',
    'print(json.dumps(out))',
  ].join('\n');
  try {
    const output = execFileSync('python3', ['-c', script], {
      input: JSON.stringify(PYYAML_VERDICTS.map((verdict) => verdict.text)),
      encoding: 'utf8',
    });
    return JSON.parse(output) as unknown[];
  } catch {
    return undefined;
  }
}

const pyyaml = pyyamlVerdicts();

describe.skipIf(!pyyaml)('the recorded verdicts', () => {
  it('are what PyYAML says, with and without libyaml', () => {
    expect(pyyaml).toEqual(PYYAML_VERDICTS.map((verdict) => [verdict.value]));
  });
});
