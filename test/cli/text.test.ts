import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/engine/finding.js';
import { formatText } from '../../src/report/text.js';

const finding = (path: string, line: number, column: number, severity: Severity, ruleId: string, message: string): Finding => ({
  ruleId,
  category: 'c',
  severity,
  language: 'ansible',
  path,
  range: { line, column, endLine: line, endColumn: column + 1 },
  message,
});

describe('text report', () => {
  it('groups by file, aligns columns and ends with a summary', () => {
    const text = formatText(
      {
        findings: [
          finding('roles/web/tasks/main.yml', 12, 5, 'high', 'tls-verification-disabled', 'certificate checks are off'),
          finding('roles/web/tasks/main.yml', 3, 10, 'medium', 'http-without-tls', 'plain HTTP'),
          finding('group_vars/all.yml', 1, 1, 'critical', 'hard-coded-secret', 'password in clear'),
        ],
        errors: [
          { path: 'roles/web/tasks/main.yml', kind: 'syntax', message: 'YAML: bad indentation', line: 40 },
          { path: 'big.yml', kind: 'too-large', message: 'file is 5.0 MiB; Posture analyses files up to 2 MiB' },
        ],
        analyzedCount: 4,
        onUnanalysable: 'fail',
      },
      { color: false },
    );
    expect(text).toBe(
      [
        'big.yml',
        '  -  error  too-large  file is 5.0 MiB; Posture analyses files up to 2 MiB',
        '',
        'group_vars/all.yml',
        '  1:1  critical  hard-coded-secret  password in clear',
        '',
        'roles/web/tasks/main.yml',
        '  3:10  medium  http-without-tls  plain HTTP',
        '  12:5  high    tls-verification-disabled  certificate checks are off',
        '  40    error   syntax  YAML: bad indentation',
        '',
        '3 findings (1 critical, 1 high, 1 medium, 0 low), 2 file errors, 4 files analysed',
        '2 files could not be analysed, so the scan fails: fix, split or simplify them, or pass --on-unanalysable warn (on_unanalysable: warn in the policy).',
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary when there is nothing to report', () => {
    expect(formatText({ findings: [], errors: [], analyzedCount: 1, onUnanalysable: 'fail' }, { color: false })).toBe(
      '0 findings (0 critical, 0 high, 0 medium, 0 low), 0 file errors, 1 file analysed\n',
    );
  });

  it('says when the policy lets files that could not be analysed pass', () => {
    const errors = [{ path: 'a.yml', kind: 'too-deep' as const, message: 'YAML: nesting deeper than 128 levels is not analysed', line: 129 }];
    expect(formatText({ findings: [], errors, analyzedCount: 1, onUnanalysable: 'warn' }, { color: false })).toBe(
      [
        'a.yml',
        '  129  error  too-deep  YAML: nesting deeper than 128 levels is not analysed',
        '',
        '0 findings (0 critical, 0 high, 0 medium, 0 low), 1 file error, 1 file analysed',
        '1 file could not be analysed; its findings are unknown (on_unanalysable: warn lets the scan pass).',
        '',
      ].join('\n'),
    );
  });

  it('colours severities when asked and strips to the same text', () => {
    const input = { findings: [finding('a.yml', 2, 3, 'high', 'r', 'm')], errors: [], analyzedCount: 1, onUnanalysable: 'fail' as const };
    const coloured = formatText(input, { color: true });
    expect(coloured).toContain('\u001b[31mhigh\u001b[39m');
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatText(input, { color: false }));
  });
});
