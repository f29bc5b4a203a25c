import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src/model/finding.js';
import type { ReportedFinding } from '../../src/report/scan-report.js';
import { formatText } from '../../src/report/text.js';
import { reportedFinding, scanReport } from './support/scan-report.js';

const finding = (
  path: string,
  line: number,
  column: number,
  severity: Severity,
  ruleId: string,
  message: string,
): ReportedFinding =>
  reportedFinding({
    ruleId,
    category: 'c',
    severity,
    path,
    range: { line, column, endLine: line, endColumn: column + 1 },
    message,
  });

const DEFAULTS_LINE =
  "Policy: Posture's defaults (no .security.yml between the scanned paths and the repository root)";

describe('text report', () => {
  it('groups by file, aligns columns and ends with a summary and the policy', () => {
    const text = formatText(
      scanReport({
        findings: [
          finding(
            'roles/web/tasks/main.yml',
            12,
            5,
            'high',
            'tls-verification-disabled',
            'certificate checks are off',
          ),
          finding('roles/web/tasks/main.yml', 3, 10, 'medium', 'http-without-tls', 'plain HTTP'),
          finding('group_vars/all.yml', 1, 1, 'critical', 'hard-coded-secret', 'password in clear'),
        ],
        errors: [
          {
            path: 'roles/web/tasks/main.yml',
            kind: 'syntax',
            message: 'YAML: bad indentation',
            line: 40,
          },
          {
            path: 'big.yml',
            kind: 'too-large',
            message: 'file is 5.0 MiB; Posture analyses files up to 2 MiB',
          },
        ],
        analyzed: ['a.yml', 'b.yml', 'c.yml', 'd.yml'],
        policies: [{ layer: 'repository', path: '.security.yml' }],
      }),
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
        "Policy: .security.yml over Posture's defaults",
        '',
      ].join('\n'),
    );
  });

  it('prints only the summary and the policy when there is nothing to report', () => {
    expect(formatText(scanReport({ analyzed: ['a.yml'] }), { color: false })).toBe(
      `0 findings (0 critical, 0 high, 0 medium, 0 low), 0 file errors, 1 file analysed\n${DEFAULTS_LINE}\n`,
    );
  });

  it('shows paths as the working directory sees them, and names every policy layer', () => {
    const text = formatText(
      scanReport({
        findings: [finding('roles/web/tasks/main.yml', 2, 3, 'low', 'r', 'm')],
        policies: [
          { layer: 'org', path: '../org/.security.yml' },
          { layer: 'repository', path: '.security.yml' },
        ],
        displayPath: (path) => `../${path}`,
      }),
      { color: false },
    );
    expect(text).toContain('../roles/web/tasks/main.yml\n  2:3  low  r  m\n');
    expect(text).toContain(
      "Policy: ../.security.yml over the org policy ../../org/.security.yml over Posture's defaults\n",
    );
  });

  it('lists policy errors under the policy file and says why the scan fails', () => {
    const text = formatText(
      scanReport({
        policyErrors: [
          {
            source: '.security.yml',
            line: 2,
            key: 'rules.hard-coded-secret',
            message: 'hard-coded-secret is locked by the org policy',
          },
        ],
        policies: [{ layer: 'repository', path: '.security.yml' }],
      }),
      { color: false },
    );
    expect(text).toContain(
      '.security.yml\n  2  error  policy  rules.hard-coded-secret: hard-coded-secret is locked by the org policy\n',
    );
    expect(text).toContain('The policy is invalid, so the scan fails (exit 2)');
  });

  it('counts baselined findings apart and says what was compared', () => {
    const text = formatText(
      scanReport({
        findings: [
          finding('a.yml', 1, 1, 'high', 'r', 'm'),
          { ...finding('a.yml', 2, 1, 'high', 'r', 'n'), status: 'baselined' },
        ],
        baseline: { file: 'posture-baseline.json', accepted: 1, unmatched: 2 },
        diffBase: { ref: 'main', existing: 3 },
      }),
      { color: false },
    );
    expect(text).toContain('  2:1  baselined  r  n\n');
    expect(text).toContain(
      '1 finding (0 critical, 1 high, 0 medium, 0 low), 1 in the baseline, 0 file errors, 0 files analysed\n',
    );
    expect(text).toContain(
      'Only findings new since main are listed; 3 findings that were already there are left out.\n',
    );
    expect(text).toContain(
      'Baseline posture-baseline.json: 1 finding accepted; 2 entries no longer match anything.\n',
    );
  });

  it('says when the policy lets files that could not be analysed pass', () => {
    const errors = [
      {
        path: 'a.yml',
        kind: 'too-deep' as const,
        message: 'YAML: nesting deeper than 128 levels is not analysed',
        line: 129,
      },
    ];
    expect(
      formatText(scanReport({ errors, analyzed: ['a.yml'], onUnanalysable: 'warn' }), {
        color: false,
      }),
    ).toBe(
      [
        'a.yml',
        '  129  error  too-deep  YAML: nesting deeper than 128 levels is not analysed',
        '',
        '0 findings (0 critical, 0 high, 0 medium, 0 low), 1 file error, 1 file analysed',
        '1 file could not be analysed; its findings are unknown (on_unanalysable: warn lets the scan pass).',
        DEFAULTS_LINE,
        '',
      ].join('\n'),
    );
  });

  it('colours severities when asked and strips to the same text', () => {
    const input = scanReport({
      findings: [finding('a.yml', 2, 3, 'high', 'r', 'm')],
      analyzed: ['a.yml'],
    });
    const coloured = formatText(input, { color: true });
    expect(coloured).toContain('\u001b[31mhigh\u001b[39m');
    // eslint-disable-next-line no-control-regex -- strips ANSI colour codes, which start with \x1b
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, '')).toBe(formatText(input, { color: false }));
  });
});
