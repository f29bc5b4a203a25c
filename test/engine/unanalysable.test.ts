import { describe, expect, it } from 'vitest';
import { analyze, MAX_FILE_BYTES } from '../../src/engine/analyze.js';
import type { Rule } from '../../src/rules/rule.js';
import { RULES } from '../../src/rules/index.js';

const TASKS = 'roles/web/tasks/main.yml';
const CLEAN = {
  path: 'roles/db/tasks/main.yml',
  content:
    '- name: fetch\n  ansible.builtin.get_url:\n    url: http://example.com/a\n    dest: /tmp/a\n',
};

function ruleThat(id: string, check: Rule['check']): Rule {
  return {
    meta: {
      id,
      title: id,
      severity: 'high',
      category: 'suspicious-comment',
      languages: ['ansible'],
      description: id,
      remediation: id,
      cwe: 'CWE-710',
    },
    check,
  };
}

describe('files the engine cannot analyse', () => {
  it('reports a file padded past the size limit with comments as too large', async () => {
    const padded = `- name: ok\n  ansible.builtin.debug:\n    msg: hi\n${'# padding\n'.repeat(MAX_FILE_BYTES / 10 + 1)}`;
    const result = await analyze([{ path: TASKS, content: padded }]);
    expect(result.errors).toEqual([
      {
        path: TASKS,
        kind: 'too-large',
        message: 'file is 2.0 MiB; Posture analyses files up to 2 MiB',
      },
    ]);
    expect(result.analyzed).toEqual([{ path: TASKS, language: 'ansible' }]);
  });

  it('turns a rule that throws into an internal error on that file only', async () => {
    const broken = ruleThat('broken', ({ file }) => {
      if (file.path === TASKS) throw new TypeError('cannot read properties of undefined');
    });
    const result = await analyze([{ path: TASKS, content: '- debug: {msg: x}\n' }, CLEAN], {
      rules: [broken, ...RULES],
    });
    expect(result.errors).toEqual([
      {
        path: TASKS,
        kind: 'internal',
        message:
          'Posture failed while analysing this file (please report it): cannot read properties of undefined',
      },
    ]);
    expect(result.findings.map((finding) => `${finding.path}:${finding.ruleId}`)).toContain(
      `${CLEAN.path}:missing-integrity-check`,
    );
  });

  it('turns a stack overflow anywhere in the analysis of a file into a too-deep error', async () => {
    const recurse = (depth: number): number => recurse(depth + 1) + 1;
    const result = await analyze([{ path: TASKS, content: '- debug: {msg: x}\n' }], {
      rules: [ruleThat('recursive', () => recurse(0))],
    });
    expect(result.errors).toEqual([
      {
        path: TASKS,
        kind: 'too-deep',
        message: 'the file nests too deeply to analyse (Posture ran out of stack space reading it)',
      },
    ]);
  });

  it.each([1_000, 100_000])('locates a shell command nested %i levels deep', async (levels) => {
    const content = `- name: fine\n  ansible.builtin.command: ls\n- name: deep\n  ansible.builtin.shell: "${'$('.repeat(levels)}ls${')'.repeat(levels)}"\n`;
    const result = await analyze([{ path: TASKS, content }]);
    expect(result.errors).toEqual([
      {
        path: TASKS,
        kind: 'too-deep',
        message: 'shell: a command nested deeper than 100 levels of brackets is not analysed',
        line: 4,
      },
    ]);
  });
});

describe('keepModels', () => {
  it('hands back the model of every file in scope that parsed, whether or not a rule ran on it', async () => {
    const result = await analyze(
      [
        {
          path: TASKS,
          content:
            '# posture:ignore weak-crypto -- no rule runs here, so nothing to report\n- debug: {msg: x}\n',
        },
        { path: 'roles/web/tasks/broken.yml', content: '- [unclosed\n' },
        { path: 'README.md', content: '# not configuration\n' },
      ],
      { keepModels: true, rules: [] },
    );
    expect([...(result.models?.keys() ?? [])]).toEqual([TASKS]);
    expect(result.models?.get(TASKS)?.units.map((unit) => unit.type)).toEqual(['debug']);
    expect(result.analyzed).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.notices).toEqual([]);
  });

  it('keeps no models unless asked', async () => {
    expect((await analyze([CLEAN])).models).toBeUndefined();
  });
});
