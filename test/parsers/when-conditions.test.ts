import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';
import { whenConditionsOf, whenGuards } from '../../src/parsers/ansible/when-conditions.js';

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
    const string = (text: string) => ({
      kind: 'string' as const,
      value: text,
      text,
      dynamic: false,
      range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    });
    expect(whenGuards([string('lab | bool'), string('not keys_only')])).toEqual([
      { name: 'lab', test: 'bool', when: true },
      { name: 'keys_only', test: 'truth', when: false },
    ]);
    expect(whenGuards([string("ansible_os_family == 'Debian'")])).toEqual([]);
    expect(whenGuards([string('lab | bool'), string('result.rc != 0')])).toBeUndefined();
  });
});
