import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { buildPolicy } from '../../src/policy/build-policy.js';

const TASKS = {
  path: 'roles/web/tasks/main.yml',
  content: [
    '- name: install',
    '  ansible.builtin.apt:',
    '    name: nginx',
    '    state: latest',
    '- name: cron',
    '  ansible.builtin.cron:',
    '    name: backup',
    '    user: root',
    '    job: /opt/backup.sh',
    '- name: service',
    '  ansible.builtin.service:',
    '    name: nginx',
    '    state: started',
    '- name: wait',
    '  ansible.builtin.wait_for:',
    '    port: 8080',
    '    timeout: 900',
  ].join('\n'),
};
const VARS = { path: 'group_vars/all.yml', content: 'app_debug: true\nlog_level: debug\n' };

async function linesFlagged(match: string, category = 'admin-by-default'): Promise<number[]> {
  const text = `custom_rules:\n  - id: team-rule\n    message: flagged by the team rule\n    severity: medium\n    category: ${category}\n    languages: [ansible]\n    match:\n${match}`;
  const built = buildPolicy({ repo: { source: '.security.yml', text } });
  expect(built.errors).toEqual([]);
  const result = await analyze([TASKS, VARS], { policy: built.policy, rules: [] });
  return result.findings.map((finding) => finding.range.line);
}

describe('custom rules', () => {
  it.each([
    ['equals', '      type: "*.apt"\n      attribute: state\n      equals: latest\n', [4]],
    [
      'one_of on a type glob',
      '      type: "ansible.builtin.*"\n      attribute: user\n      one_of: [root, admin]\n',
      [8],
    ],
    ['glob', '      type: cron\n      attribute: job\n      glob: "/opt/*"\n', [9]],
    ['regex', '      type: cron\n      attribute: job\n      regex: "backup\\\\.sh$"\n', [9]],
    [
      'greater_than',
      '      type: wait_for\n      attribute: timeout\n      greater_than: 600\n',
      [17],
    ],
    ['less_than', '      type: wait_for\n      attribute: timeout\n      less_than: 600\n', []],
    ['present', '      type: cron\n      attribute: user\n      present: true\n', [8]],
    ['absent', '      type: service\n      attribute: enabled\n      absent: true\n', [11]],
    ['a type alone', '      type: cron\n', [6]],
    ['a variable', '      variable: "*_debug"\n      equals: true\n', [1]],
  ])('matches with %s', async (_name, match, lines) => {
    expect(await linesFlagged(match)).toEqual(lines);
  });

  it('reports with its own id, category and severity', async () => {
    const text =
      'custom_rules:\n  - id: no-latest\n    message: pin the version\n    severity: low\n    category: missing-integrity-check\n    languages: [ansible]\n    match:\n      type: apt\n      attribute: state\n      equals: latest\n';
    const { policy } = buildPolicy({ repo: { source: '.security.yml', text } });
    const result = await analyze([TASKS], { policy, rules: [] });
    expect(result.findings).toMatchObject([
      {
        ruleId: 'no-latest',
        category: 'missing-integrity-check',
        severity: 'low',
        message: 'pin the version',
      },
    ]);
  });

  it('runs a catastrophic regular expression in linear time', async () => {
    const line = 'a'.repeat(50_000);
    const text = `custom_rules:\n  - id: evil\n    message: m\n    severity: low\n    category: weak-crypto\n    languages: [ansible]\n    match:\n      variable: long_line\n      regex: "(a+)+$"\n`;
    const { policy } = buildPolicy({ repo: { source: '.security.yml', text } });
    const result = await analyze(
      [{ path: 'group_vars/all.yml', content: `long_line: "${line}!"\n` }],
      { policy, rules: [] },
    );
    expect(result.findings).toEqual([]);
  });
});
