/**
 * Collections with more members than a JavaScript call can take as spread arguments (somewhat
 * over a hundred thousand on Node 20): each must be read member by member, or a file of valid
 * YAML fails with a stack overflow that reads as "nests too deeply".
 */
import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../src/parsers/ansible/parse-ansible.js';

const MEMBERS = 150_000;

function flowMap(members: number): string {
  return `{${Array.from({ length: members }, (_, index) => `k${index.toString(36)}: 1`).join(', ')}}`;
}

describe('wide collections', () => {
  it(`reads a task whose args map has ${MEMBERS} arguments`, () => {
    const parsed = parseAnsible(
      'roles/x/tasks/main.yml',
      `- name: wide\n  command: echo hi\n  args: ${flowMap(MEMBERS)}\n`,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.model.units[0]?.attributes).toHaveLength(MEMBERS + 1);
  }, 60_000);

  it(`merges a map of ${MEMBERS} keys with <<`, () => {
    const parsed = parseAnsible('group_vars/all.yml', `settings:\n  <<: ${flowMap(MEMBERS)}\n`);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const settings = parsed.model.variables.find((variable) => variable.name === 'settings');
    expect(settings?.value.entries).toHaveLength(MEMBERS);
  }, 60_000);
});
