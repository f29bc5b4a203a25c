import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../../src/parsers/ansible/parse-ansible.js';
import { whenConditionsOf } from '../../../src/rules/support/task-conditions.js';

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
});
