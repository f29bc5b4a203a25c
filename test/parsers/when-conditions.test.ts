import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';
import {
  registeredFor,
  registeredNames,
  whenAlternatives,
  whenConditionsOf,
  whenGuards,
} from '../../src/parsers/ansible/when-conditions.js';

const PLAYBOOK = `
- hosts: all
  tasks:
    - name: outer
      when: lab
      block:
        - name: inner
          when: legacy | bool
          block:
            - name: deepest
              ansible.builtin.command: /bin/true
              when: not keys_only
            - name: inner sibling
              ansible.builtin.command: /bin/true
        - name: outer sibling
          ansible.builtin.command: /bin/true
    - name: after the blocks
      ansible.builtin.command: /bin/true
`;

/** A condition as the model holds a `when:` string. */
const string = (text: string) => ({
  kind: 'string' as const,
  value: text,
  text,
  dynamic: false,
  range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
});

describe('the when: conditions a task runs under', () => {
  it('are its own and those of the blocks around it, outer first, and no other block', () => {
    const parsed = parseAnsible('site.yml', PLAYBOOK);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { model } = parsed;
    const conditions = model.units
      .filter((unit) => unit.kind !== 'play')
      .map((unit) => [
        unit.name,
        whenConditionsOf(model, unit).map((condition) => String(condition.value)),
      ]);
    expect(conditions).toEqual([
      ['outer', ['lab']],
      ['inner', ['lab', 'legacy | bool']],
      ['deepest', ['lab', 'legacy | bool', 'not keys_only']],
      ['inner sibling', ['lab', 'legacy | bool']],
      ['outer sibling', ['lab']],
      ['after the blocks', []],
    ]);
  });

  it('decide through the flags they test, none where they only pick hosts, and nothing else', () => {
    expect(whenGuards([string('lab | bool'), string('not keys_only')])).toEqual([
      { name: 'lab', test: 'bool', when: true },
      { name: 'keys_only', test: 'truth', when: false },
    ]);
    expect(whenGuards([string("ansible_os_family == 'Debian'")])).toEqual([]);
    expect(whenGuards([string('lab | bool'), string('result.rc != 0')])).toBeUndefined();
  });

  it('hold in each way an `or` gives, in the order the conditions are written', () => {
    const flags = (...conditions: string[]) =>
      whenAlternatives(conditions.map(string))?.map((way) =>
        way.map(({ name, when }) => (when ? name : `!${name}`)),
      );
    expect(flags('a', 'b or not c', 'd', 'e', 'f or g')).toEqual([
      ['a', 'b', 'd', 'e', 'f'],
      ['a', 'b', 'd', 'e', 'g'],
      ['a', '!c', 'd', 'e', 'f'],
      ['a', '!c', 'd', 'e', 'g'],
    ]);
    expect(flags("ansible_os_family == 'Debian' or a", 'b')).toEqual([['b'], ['a', 'b']]);
    expect(flags(...Array.from({ length: 5 }, (_, n) => `a${n} or b${n}`))).toBeUndefined();
    const many = Array.from({ length: 20_000 }, (_, n) => `a${n} | bool`);
    expect(flags(...many, 'x or y')?.map((way) => [way.length, way.at(-1)])).toEqual([
      [20_001, 'x'],
      [20_001, 'y'],
    ]);
  });

  it("read what a task of the file registered as they read the host's facts", () => {
    const parsed = parseAnsible(
      'tasks.yml',
      [
        '- name: check',
        '  ansible.builtin.command: sshd -t',
        '  register: sshd_check',
        '- name: fall back',
        '  ansible.builtin.command: /bin/true',
        '  when: sshd_check.rc != 0 and lab | bool',
        '',
      ].join('\n'),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { model } = parsed;
    const registered = registeredNames(model);
    expect([...registered]).toEqual(['sshd_check']);
    const fallBack = model.units.find((unit) => unit.name === 'fall back');
    if (!fallBack) throw new Error('no task');
    const conditions = whenConditionsOf(model, fallBack);
    expect(whenGuards(conditions, registered)).toEqual([{ name: 'lab', test: 'bool', when: true }]);
    // Without the file's registered names, the result is a variable like any other.
    expect(whenGuards(conditions)).toBeUndefined();
  });

  it("count the run's registered names with the file's own", () => {
    const parsed = parseAnsible('tasks.yml', '- command: sshd -t\n  register: sshd_check\n');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { model } = parsed;
    const inRun = new Set(['sshd_check', 'selinux_status']);
    expect(registeredFor(model, inRun)).toBe(inRun);
    expect([...registeredFor(model, new Set(['selinux_status']))].sort()).toEqual([
      'selinux_status',
      'sshd_check',
    ]);
    expect([...registeredFor(model, undefined)]).toEqual(['sshd_check']);
  });
});
