import { describe, expect, it } from 'vitest';
import { readReviewMarker } from '../../src/report/review-marker.js';
import {
  checkRunSummary,
  checkRunTitle,
  interruptedRunReport,
  MAX_SUMMARY_CHARS,
  type SummaryInput,
  type TitleInput,
} from '../../src/review/summary.js';
import { ruleDocsUrl } from '../../src/rules/docs-url.js';
import { makeFinding } from '../support/findings.js';

const HEAD = '0123456789abcdef0123456789abcdef01234567';

function input(overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    added: [],
    existing: [],
    fixed: [],
    risk: 'low',
    surfaces: [],
    errors: [],
    onUnanalysable: 'fail',
    analyzedFiles: 2,
    listedFiles: 5,
    truncated: false,
    headSha: HEAD,
    failOn: 'high',
    conclusion: 'success',
    inlineReview: { status: 'not-needed', alreadyCommented: 0 },
    isUnchangedLine: () => false,
    ...overrides,
  };
}

describe('checkRunTitle', () => {
  const title = (overrides: Partial<TitleInput>) =>
    checkRunTitle({ added: [], existing: [], errors: [], truncated: false, ...overrides });

  it('counts new findings by severity, most severe first', () => {
    const added = [
      makeFinding({ severity: 'medium' }),
      makeFinding({ severity: 'high' }),
      makeFinding({ severity: 'critical' }),
      makeFinding({ severity: 'high' }),
    ];
    expect(title({ added })).toBe('1 critical, 2 high, 1 medium findings');
    expect(title({ added: [makeFinding({ severity: 'low' })] })).toBe('1 low finding');
    expect(title({})).toBe('No findings');
  });

  it('adds existing, accepted and fixed findings after the new ones', () => {
    const existing = [makeFinding(), makeFinding({ status: 'waived', justification: 'ok' })];
    expect(title({ existing, fixed: [makeFinding()] })).toBe(
      'No new findings, 1 existing, 1 accepted, 1 fixed',
    );
    expect(title({ added: [makeFinding()], existing, conclusion: 'action_required' })).toBe(
      'Security review needed: 1 high finding, 1 existing, 1 accepted',
    );
  });

  it('mentions files that could not be analysed and an incomplete evaluation', () => {
    const errors = [{ path: 'a.yml', kind: 'syntax' as const, message: 'bad YAML' }];
    expect(title({ errors, truncated: true })).toBe(
      'Not fully evaluated: No findings, 1 file not analysed: a.yml (syntax error)',
    );
  });
});

describe('checkRunSummary', () => {
  it('tables each new finding with its severity, linked rule, location and message, and flags unchanged lines', () => {
    const old = makeFinding({
      line: 9,
      severity: 'medium',
      ruleId: 'http-without-tls',
      message: 'plain HTTP',
    });
    const summary = checkRunSummary(
      input({
        added: [old, makeFinding({ line: 12 })],
        conclusion: 'failure',
        inlineReview: { status: 'posted', comments: 1, fileComments: 0, alreadyCommented: 0 },
        isUnchangedLine: (finding) => finding === old,
      }),
    );
    expect(summary).toContain(
      '**Posture failed this pull request:** 1 new finding is at or above the fail threshold (high).',
    );
    expect(summary).toContain('### New findings (2)');
    expect(summary).toContain('Analysed 2 files of 5 changed files at `0123456`');
    const rows = summary
      .split('\n')
      .filter((line) => line.startsWith('| 🟧') || line.startsWith('| 🟨'));
    expect(rows).toEqual([
      '| 🟧 High | `pipe-to-shell` Remote script piped into a shell | `roles/web/tasks/main.yml:12` | a downloaded script is run without being verified |',
      '| 🟨 Medium | `http-without-tls` Plain HTTP URL | `roles/web/tasks/main.yml:9` (unchanged line) | plain HTTP |',
    ]);
    expect(summary).toContain('Posture commented on 1 line this pull request adds.');
  });

  it('lists findings in test code apart, not as new findings nor as accepted ones', () => {
    const inTest = makeFinding({
      path: 'molecule/default/converge.yml',
      severity: 'low',
      context: 'test',
      message: 'test password',
    });
    const waived = makeFinding({
      line: 20,
      status: 'waived',
      justification: 'waived until 2027-01-01',
    });
    const summary = checkRunSummary(input({ added: [inTest, waived] }));
    expect(summary).not.toContain('### New findings');
    expect(summary).toContain('### Accepted findings');
    expect(summary).toContain('1 waived or suppressed finding');
    expect(summary).toContain('### In test and example code');
    expect(summary).toContain(
      '| `pipe-to-shell` | `molecule/default/converge.yml:3` | test password |',
    );
    expect(summary.indexOf('molecule/default/converge.yml')).toBeGreaterThan(
      summary.indexOf('### In test and example code'),
    );
  });

  it('links rule names to their documentation where the deployment says it is', () => {
    const docsBase = 'https://git.example.com/sec/posture/blob/v1.4.0/src/rules';
    const summary = checkRunSummary(input({ added: [makeFinding()], docsBase }));
    expect(summary).toContain(
      `[\`${makeFinding().ruleId}\`](${ruleDocsUrl(makeFinding().ruleId, docsBase)})`,
    );
    expect(ruleDocsUrl('pipe-to-shell', docsBase)).toBe(`${docsBase}/pipe-to-shell/README.md`);
    expect(ruleDocsUrl('pipe-to-shell', undefined)).toBeUndefined();
  });

  it('keeps repository text from breaking the table or injecting HTML', () => {
    const summary = checkRunSummary(
      input({ added: [makeFinding({ message: 'runs `a | b` <img src=x>\nnext' })] }),
    );
    expect(summary).toContain('| runs `a \\| b` &lt;img src=x&gt; next |');
  });

  it('lists the files that could not be analysed, with the reason and the message', () => {
    const errors = [
      { path: 'roles/a.yml', kind: 'syntax' as const, line: 4, message: 'YAML: bad indentation' },
      {
        path: 'roles/b.yml',
        kind: 'too-large' as const,
        message: 'file is 3.0 MiB; Posture analyses files up to 2 MiB',
      },
    ];
    const summary = checkRunSummary(input({ errors, conclusion: 'failure' }));
    expect(summary).toContain('### Files Posture could not analyse');
    expect(summary).toContain(
      '- `roles/a.yml:4` (syntax error): YAML: bad indentation\n- `roles/b.yml` (too large): file is 3.0 MiB; Posture analyses files up to 2 MiB',
    );
    expect(summary).toContain(
      '**Posture failed this pull request:** it could not analyse 2 changed configuration files (listed below)',
    );
    expect(summary).toContain(
      'the base branch’s `.security.yml` can say `on_unanalysable: warn` (unless the org policy locks it)',
    );
  });

  it('folds a long table into <details>', () => {
    const findings = Array.from({ length: 21 }, (_, index) => makeFinding({ line: index + 1 }));
    expect(checkRunSummary(input({ added: findings }))).toContain(
      '<details><summary>All 21 findings, most severe first</summary>',
    );
    expect(checkRunSummary(input({ added: findings.slice(0, 20) }))).not.toContain('<details>');
  });

  it('stays within 65,535 characters, keeping the most severe findings and saying how many were left out', () => {
    const findings = Array.from({ length: 3000 }, (_, index) =>
      makeFinding({
        line: index + 1,
        severity: index < 10 ? 'critical' : 'low',
        message: `finding number ${index} `.padEnd(120, 'x'),
      }),
    );
    const summary = checkRunSummary(
      input({
        added: findings,
        conclusion: 'failure',
        record: { headSha: HEAD, routingDigest: 'ab'.repeat(16) },
      }),
    );
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
    expect(readReviewMarker(summary, HEAD)).toEqual({
      headSha: HEAD,
      routingDigest: 'ab'.repeat(16),
    });
    expect(summary.length).toBeGreaterThan(MAX_SUMMARY_CHARS - 400);
    expect(summary.match(/^\| 🟥 Critical/gm)).toHaveLength(10);
    expect(summary).toMatch(
      /_\d+ more findings are not listed here because of GitHub’s size limit; the most severe are annotations on this check run._/,
    );
    expect(summary).toContain('### Inline review');
  });

  it('opens with the risk and the surfaces the change touches, with their lines', () => {
    const summary = checkRunSummary(
      input({
        risk: 'medium',
        surfaces: [
          {
            surface: 'ssh',
            digest: 'd',
            locationCount: 2,
            locations: [
              { path: 'roles/a.yml', line: 4, version: 'head' },
              { path: 'roles/a.yml', line: 9, version: 'base' },
            ],
          },
        ],
      }),
    );
    expect(
      summary.startsWith(
        '**🟡 Medium risk** · touches SSH\n\n**No new findings** in the changed files Posture analysed.',
      ),
    ).toBe(true);
    expect(summary).toContain(
      '### What this change touches\n\n| Surface | Where |\n| --- | --- |\n| SSH | `roles/a.yml:4`, `roles/a.yml:9` (removed) |',
    );
  });

  it('credits fixed findings and folds existing ones away, saying whether they count', () => {
    const summary = checkRunSummary(
      input({
        fixed: [makeFinding({ line: 3 })],
        existing: [makeFinding({ line: 8, severity: 'medium' })],
      }),
    );
    expect(summary).toContain(
      '### Fixed by this pull request (1)\n\nThis pull request removes 1 finding the base branch has.',
    );
    expect(summary).toContain(
      '- ✅ 🟧 High `pipe-to-shell` Remote script piped into a shell, was `roles/web/tasks/main.yml:3`',
    );
    expect(summary).toContain(
      '<details><summary>1 finding in the changed files that this pull request did not add; they do not count towards the verdict</summary>',
    );
    expect(checkRunSummary(input({ existing: [makeFinding()], failOnExisting: true }))).toContain(
      'they count towards the verdict (`fail_on_existing: true`)',
    );
  });

  it('explains a needed security review, and who signed it off', () => {
    const securityReview = {
      reasons: ['it adds a `security-control-disabled` finding'],
      teams: ['security'],
      users: ['alice'],
      problems: [],
      request: { status: 'requested' as const, teams: ['security'], users: ['alice'] },
    };
    const needed = checkRunSummary(input({ conclusion: 'action_required', securityReview }));
    expect(needed).toContain(
      "**This pull request needs a security reviewer's approval** because it adds a `security-control-disabled` finding.",
    );
    expect(needed).toContain(
      '- **Review request:** Posture asked team `security`, @alice to review.',
    );
    const approved = checkRunSummary(
      input({
        securityReview: {
          ...securityReview,
          signOff: { kind: 'approval', by: 'alice', commitSha: HEAD },
        },
      }),
    );
    expect(approved).toContain('**Approved by a security reviewer:** @alice approved `0123456`.');
    const accepted = checkRunSummary(
      input({
        securityReview: {
          ...securityReview,
          signOff: {
            kind: 'accepted-risk',
            by: 'alice',
            at: '2025-03-01T12:00:00.000Z',
            commitSha: HEAD,
            reason: 'lab hosts only',
          },
        },
      }),
    );
    expect(accepted).toContain(
      '- **Risk accepted** by @alice on 2025-03-01 12:00 UTC, on `0123456`: lab hosts only',
    );
  });

  it('reports a failed inline review', () => {
    const summary = checkRunSummary(
      input({ inlineReview: { status: 'failed', reason: 'GitHub answered 422' } }),
    );
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
