import { describe, expect, it } from 'vitest';
import { checkRunSummary, checkRunTitle, interruptedRunReport, MAX_SUMMARY_CHARS, type SummaryInput } from '../../src/report/summary.js';
import { ruleDocsUrl } from '../../src/rules/docs-url.js';
import { makeFinding } from '../support/findings.js';

const HEAD = '0123456789abcdef0123456789abcdef01234567';

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    findings: [],
    errors: [],
    analyzedFiles: 2,
    listedFiles: 5,
    truncated: false,
    headSha: HEAD,
    failOn: 'high',
    conclusion: 'success',
    inlineReview: { status: 'not-needed' },
    isUnchangedLine: () => false,
    ...overrides,
  };
}

describe('checkRunTitle', () => {
  it('counts findings by severity, most severe first', () => {
    const findings = [makeFinding({ severity: 'medium' }), makeFinding({ severity: 'high' }), makeFinding({ severity: 'critical' }), makeFinding({ severity: 'high' })];
    expect(checkRunTitle(findings, [], false)).toBe('1 critical, 2 high, 1 medium findings');
    expect(checkRunTitle([makeFinding({ severity: 'low' })], [], false)).toBe('1 low finding');
    expect(checkRunTitle([], [], false)).toBe('No findings');
  });

  it('mentions files that could not be analysed and an incomplete evaluation', () => {
    const errors = [{ path: 'a.yml', message: 'bad YAML' }];
    expect(checkRunTitle([], errors, true)).toBe('Not fully evaluated: No findings, 1 file not analysed');
  });
});

describe('checkRunSummary', () => {
  it('tables each finding with its severity, linked rule, location and message, and flags unchanged lines', () => {
    const old = makeFinding({ line: 9, severity: 'medium', ruleId: 'http-without-tls', message: 'plain HTTP' });
    const summary = checkRunSummary(
      input({
        findings: [old, makeFinding({ line: 12 })],
        conclusion: 'failure',
        inlineReview: { status: 'posted', comments: 1 },
        isUnchangedLine: (finding) => finding === old,
      }),
    );
    expect(summary).toContain('**Posture failed this pull request:** 1 finding is at or above the fail threshold (high).');
    expect(summary).toContain('Analysed 2 files of 5 changed files at `0123456`');
    const rows = summary.split('\n').filter((line) => line.startsWith('| 🟧') || line.startsWith('| 🟨'));
    expect(rows).toEqual([
      `| 🟧 High | [\`pipe-to-shell\`](${ruleDocsUrl('pipe-to-shell')}) Remote script piped into a shell | \`roles/web/tasks/main.yml:12\` | a downloaded script is run without being verified |`,
      `| 🟨 Medium | [\`http-without-tls\`](${ruleDocsUrl('http-without-tls')}) Plain HTTP URL | \`roles/web/tasks/main.yml:9\` (unchanged line) | plain HTTP |`,
    ]);
    expect(summary).toContain('Posture commented on 1 line this pull request adds.');
  });

  it('keeps repository text from breaking the table or injecting HTML', () => {
    const summary = checkRunSummary(input({ findings: [makeFinding({ message: 'runs `a | b` <img src=x>\nnext' })] }));
    expect(summary).toContain('| runs `a \\| b` &lt;img src=x&gt; next |');
  });

  it('lists the files that could not be analysed', () => {
    const summary = checkRunSummary(input({ errors: [{ path: 'roles/a.yml', line: 4, message: 'YAML syntax error' }, { path: 'roles/b.yml', message: 'too large' }] }));
    expect(summary).toContain('### Files Posture could not analyse');
    expect(summary).toContain('- `roles/a.yml:4`: YAML syntax error\n- `roles/b.yml`: too large');
  });

  it('folds a long table into <details>', () => {
    const findings = Array.from({ length: 21 }, (_, index) => makeFinding({ line: index + 1 }));
    expect(checkRunSummary(input({ findings }))).toContain('<details><summary>All 21 findings, most severe first</summary>');
    expect(checkRunSummary(input({ findings: findings.slice(0, 20) }))).not.toContain('<details>');
  });

  it('stays within 65,535 characters, keeping the most severe findings and saying how many were left out', () => {
    const findings = Array.from({ length: 3000 }, (_, index) =>
      makeFinding({ line: index + 1, severity: index < 10 ? 'critical' : 'low', message: `finding number ${index} `.padEnd(120, 'x') }),
    );
    const summary = checkRunSummary(input({ findings, conclusion: 'failure' }));
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(summary.length).toBeGreaterThan(MAX_SUMMARY_CHARS - 400);
    expect(summary.match(/^\| 🟥 Critical/gm)).toHaveLength(10);
    expect(summary).toMatch(/_\d+ more findings are not listed here because of GitHub’s size limit; every finding is an annotation on this check run._/);
    expect(summary).toContain('### Inline review');
  });

  it('reports a failed inline review', () => {
    const summary = checkRunSummary(input({ inlineReview: { status: 'failed', reason: 'GitHub answered 422' } }));
    expect(summary).toContain('GitHub did not accept the inline review (GitHub answered 422)');
  });
});

describe('interruptedRunReport', () => {
  it('says the pull request was not evaluated and why', () => {
    const report = interruptedRunReport('GitHub answered 500 to GET /x: Server Error', HEAD);
    expect(report.title).toBe('Posture could not complete the review');
    expect(report.summary).toContain('**not evaluated**');
    expect(report.summary).toContain('GitHub answered 500 to GET /x: Server Error');
  });
});
