import { describe, expect, it } from 'vitest';
import { KEY_COMPARATORS } from '../../src/policy/key-comparators.js';
import { describePolicyChange } from '../../src/policy/policy-change.js';
import { LOCKABLE_SETTINGS, POLICY_SCHEMA } from '../../src/policy/schema.js';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
}

/** Every key path of the schema down to its leaves: a key whose value has its own keys is walked into. */
function schemaKeys(node: SchemaNode, prefix: readonly string[] = []): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
    child.properties ? schemaKeys(child, [...prefix, key]) : [[...prefix, key].join('.')],
  );
}

describe('the registry of key comparators', () => {
  const judged = KEY_COMPARATORS.flatMap((comparator) => comparator.keys);

  it('judges every key of the schema, so that a new key cannot be forgotten', () => {
    const keys = schemaKeys(POLICY_SCHEMA as SchemaNode);
    expect(keys).toContain('on_unanalysable');
    expect(keys).toContain('paths.languages.ansible');
    expect(keys.filter((key) => !judged.includes(key))).toEqual([]);
  });

  it('judges each key once, and only keys the schema has', () => {
    const keys = schemaKeys(POLICY_SCHEMA as SchemaNode);
    expect(judged.filter((key, index) => judged.indexOf(key) !== index)).toEqual([]);
    expect(judged.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('says how to keep every setting the org can lock', () => {
    const lockable = new Set(
      KEY_COMPARATORS.flatMap((comparator) => (comparator.lock ? [comparator.lock.setting] : [])),
    );
    expect(LOCKABLE_SETTINGS.filter((setting) => !lockable.has(setting))).toEqual([]);
  });
});

describe('policy-change, key by key', () => {
  const base = (text: string) => ({ source: '.security.yml', text });
  const head = (text: string) => ({ source: '.security.yml (this pull request)', text });
  const change = (before: string, after: string) =>
    describePolicyChange(undefined, base(before), head(after));

  it.each([
    [
      'narrowing paths.include from every path',
      '',
      'paths:\n  include: ["infra/**"]\n',
      'analyses only infra/**',
    ],
    [
      'dropping a glob from paths.include',
      'paths:\n  include: ["infra/**", "roles/**"]\n',
      'paths:\n  include: ["infra/**"]\n',
      'stops analysing roles/**',
    ],
    [
      'remapping paths to another language',
      '',
      'paths:\n  languages:\n    puppet: ["roles/**"]\n',
      'reads roles/** as puppet, which changes the rules that run on those files',
    ],
    [
      'dropping a language mapping',
      'paths:\n  languages:\n    ansible: ["deploy/**"]\n',
      '',
      'stops reading deploy/** as ansible',
    ],
    [
      'narrowing a rule to some paths',
      '',
      'rules:\n  weak-crypto:\n    include: ["legacy/**"]\n',
      'runs weak-crypto only on legacy/**',
    ],
    [
      'allowing a host to a rule',
      '',
      'rules:\n  http-without-tls:\n    options:\n      allowed_hosts: ["mirror.internal"]\n',
      'lets http-without-tls accept mirror.internal (allowed_hosts)',
    ],
    [
      'letting unanalysable files pass',
      '',
      'on_unanalysable: warn\n',
      'on_unanalysable: fail → warn',
    ],
    [
      'completing broken reviews neutral',
      'on_error: fail\n',
      'on_error: neutral\n',
      'on_error: fail → neutral',
    ],
    [
      'adding a reviewer who could then approve',
      'review:\n  teams: [security]\n',
      'review:\n  teams: [security, platform]\n',
      'adds the security reviewer team platform',
    ],
    [
      'turning comments outside the diff off',
      'comments:\n  outside_diff: true\n',
      '',
      'comments.outside_diff: true → false',
    ],
  ])('reports %s as loosening', (_name, before, after, expected) => {
    expect(change(before, after).loosened).toContain(expected);
  });

  it.each([
    [
      'widening paths.include',
      'paths:\n  include: ["infra/**"]\n',
      'paths:\n  include: ["infra/**", "roles/**"]\n',
      'also analyses roles/**',
    ],
    [
      'failing on unanalysable files again',
      'on_unanalysable: warn\n',
      'on_unanalysable: fail\n',
      'on_unanalysable: warn → fail',
    ],
    [
      'naming the first reviewers',
      '',
      'review:\n  users: [alice]\n',
      'adds the security reviewer alice',
    ],
  ])('reports %s as tightening', (_name, before, after, expected) => {
    const result = change(before, after);
    expect(result.loosened).toEqual([]);
    expect(result.other).toContain(expected);
  });

  it('does not take an unchanged waiver for a new one because the edited file is named differently', () => {
    const waiver =
      'waivers:\n  - rule: weak-crypto\n    path: "**"\n    reason: later\n    expires: 2999-01-01\n    approved_by: bob\n';
    expect(change(waiver, `fail_on: high\n${waiver}`)).toEqual({
      loosened: [],
      other: [],
      errors: [],
    });
  });
});
