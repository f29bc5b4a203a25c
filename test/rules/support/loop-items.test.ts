import { describe, expect, it } from 'vitest';
import { parseAnsible } from '../../../src/parsers/ansible/parse-ansible.js';
import { guardsOfIteration, loopIterations } from '../../../src/rules/support/loop-items.js';
import { whenGuards } from '../../../src/parsers/ansible/when-conditions.js';
import type { VariableDefinition } from '../../../src/rules/rule.js';

const NO_VARIABLES = { resolve: () => [], namesUnder: () => [] };

/** Each iteration's arguments, as `name=value` with the value's line. */
function iterate(
  task: string,
  context: {
    resolve: (name: string) => readonly VariableDefinition[];
    namesUnder: (prefix: string) => readonly string[];
  } = NO_VARIABLES,
): string[][] | undefined {
  const parsed = parseAnsible('roles/base/tasks/main.yml', task);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const [unit] = parsed.model.units;
  if (!unit) throw new Error('no task');
  return loopIterations(context, unit)?.map(({ unit: iteration }) =>
    iteration.attributes.map(
      ({ name, value }) => `${name}=${String(value.value)}@${value.range.line}`,
    ),
  );
}

describe('the iterations of a looping task', () => {
  it('write each item of a list the task holds into its arguments, on the line of the item', () => {
    expect(
      iterate(`- ansible.builtin.lineinfile:
    path: /etc/ssh/sshd_config
    line: "{{ host['key'] }} {{ host.value }}"
  loop:
    - { key: PermitRootLogin, value: "no" }
    - key: X11Forwarding
      value: "yes"
  loop_control:
    loop_var: host
`),
    ).toEqual([
      ['path=/etc/ssh/sshd_config@2', 'line=PermitRootLogin no@5'],
      ['path=/etc/ssh/sshd_config@2', 'line=X11Forwarding yes@6'],
    ]);
  });

  it('write each entry of a mapping the task holds as its key and value', () => {
    expect(
      iterate(`- ansible.builtin.lineinfile:
    path: /etc/ssh/sshd_config
    line: "{{ item.key }} {{ item.value }}"
  with_dict:
    PermitRootLogin: "no"
    X11Forwarding: "yes"
`),
    ).toEqual([
      ['path=/etc/ssh/sshd_config@2', 'line=PermitRootLogin no@5'],
      ['path=/etc/ssh/sshd_config@2', 'line=X11Forwarding yes@6'],
    ]);
  });

  it('read the keys of combined mappings, each valued from the last mapping that sets it', () => {
    const defined = new Set(['base.a', 'base.b', 'site.b']);
    const context = {
      resolve: (name: string) =>
        defined.has(name) ? [{ name } as unknown as VariableDefinition] : [],
      namesUnder: (prefix: string) => [...defined].filter((name) => name.startsWith(prefix)),
    };
    expect(
      iterate(
        `- ansible.posix.sysctl:
    name: "{{ item.key }}"
    value: "{{ item.value }}"
  with_dict: "{{ (base | combine(site | default({}))) }}"
`,
        context,
      ),
    ).toEqual([
      ['name=a@2', "value={{ base['a'] }}@3"],
      ['name=b@2', "value={{ site['b'] }}@3"],
    ]);
  });

  it('are unknown for a task that does not loop, or loops over what it cannot know', () => {
    const task = (loop: string) =>
      `- ansible.posix.sysctl:\n    name: "{{ item.key }}"\n    value: "{{ item.value }}"\n  ${loop}\n`;
    expect(iterate(task('become: true'))).toBeUndefined();
    expect(iterate(task('loop: "{{ results.results }}"'))).toBeUndefined();
    expect(iterate(task('loop: "{{ base | dict2items | rejectattr(\'key\') }}"'))).toBeUndefined();
    expect(
      iterate(task('with_dict: "{{ base | combine(site, recursive=True) }}"')),
    ).toBeUndefined();
  });
});

describe("a loop's condition, item by item", () => {
  /** Each iteration's guards, as `name:test:when`, or `skipped`, or `unknown`. */
  function guardsPerItem(
    task: string,
    context: {
      resolve: (name: string) => readonly VariableDefinition[];
      namesUnder: (prefix: string) => readonly string[];
    } = NO_VARIABLES,
  ): string[] {
    const parsed = parseAnsible('roles/base/tasks/main.yml', task);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const [unit] = parsed.model.units;
    const when = unit?.keywords.find((keyword) => keyword.name === 'when')?.value;
    const guards = when && whenGuards([when]);
    if (!unit || !guards) throw new Error('no guarded task');
    return (loopIterations(context, unit) ?? []).map((iteration) => {
      const read = guardsOfIteration(guards, iteration);
      if (read === undefined || read === 'skipped') return read ?? 'unknown';
      return read
        .map((guard) => `${guard.name}:${JSON.stringify(guard.test)}:${guard.when}`)
        .join(' ');
    });
  }

  it("answers a test of an item's literal field, and skips the items that fail it", () => {
    expect(
      guardsPerItem(`- ansible.builtin.lineinfile:
    line: "{{ item.line }}"
  loop:
    - { line: a, enabled: true }
    - { line: b, enabled: "no" }
    - { line: c }
  when: item.enabled | bool and ssh_lab
`),
    ).toEqual(['ssh_lab:"truth":true', 'skipped', 'unknown']);
  });

  it('tests the variable a field names, and a key by its name', () => {
    expect(
      guardsPerItem(`- ansible.builtin.lineinfile:
    line: "{{ item }}"
  loop: ["{{ lab_line }}", b]
  when: item != 'b'
`),
    ).toEqual(['lab_line:{"equals":"b"}:false', 'skipped']);
    expect(
      guardsPerItem(`- ansible.builtin.lineinfile:
    line: "{{ item.line }}"
  loop:
    - { line: a, open: "{{ ssh.lab }}" }
    - { line: b }
  when: item.open is defined and not item.open
`),
    ).toEqual(['ssh.lab:"defined":true ssh.lab:"truth":false', 'skipped']);
    const defined = new Set(['base.a', 'base.b']);
    const context = {
      resolve: (name: string) =>
        defined.has(name) ? [{ name } as unknown as VariableDefinition] : [],
      namesUnder: (prefix: string) => [...defined].filter((name) => name.startsWith(prefix)),
    };
    expect(
      guardsPerItem(
        `- ansible.posix.sysctl:
    name: "{{ item.key }}"
  with_dict: "{{ base }}"
  when: item.key == 'b' and item.value | bool
`,
        context,
      ),
    ).toEqual(['skipped', 'base.b:"bool":true']);
  });
});
