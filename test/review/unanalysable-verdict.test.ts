import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';
import { decideConclusion, type ConclusionInput } from '../../src/review/conclusion.js';
import { checkRunTitle } from '../../src/review/summary.js';
import { summaryOf } from '../support/check-run-summary.js';
import { makeFinding } from '../support/findings.js';
import { UNANALYSABLE_TRICKS } from '../engine/unanalysable-tricks.js';

function conclusion(overrides: Partial<ConclusionInput>): ReturnType<typeof decideConclusion> {
  return decideConclusion({
    counting: [],
    failOn: 'high',
    truncated: false,
    invalidPolicy: false,
    unanalysable: [],
    onUnanalysable: 'fail',
    ...overrides,
  });
}

describe.each(UNANALYSABLE_TRICKS)('a pull request that changes $name', ({ file, kind }) => {
  it('fails, and the title and summary name the file and why', async () => {
    const { errors, findings } = await analyze([file]);
    expect(errors).toEqual([expect.objectContaining({ path: file.path, kind })]);
    const verdict = conclusion({ counting: findings, unanalysable: errors });
    expect(verdict).toBe('failure');
    expect(
      checkRunTitle({
        added: findings,
        existing: [],
        errors,
        truncated: false,
        conclusion: verdict,
      }),
    ).toContain(`1 file not analysed: ${file.path} (`);
    const text = summaryOf({ errors, conclusion: verdict });
    expect(text).toContain(
      '**Posture failed this pull request:** it could not analyse 1 changed configuration file',
    );
    expect(text).toContain(
      `- \`${errors[0]?.line === undefined ? file.path : `${file.path}:${errors[0].line}`}\` (`,
    );
    expect(text).toContain(
      'To proceed, split or simplify a file that is too large or nested too deeply',
    );
  });
});

describe('decideConclusion with files Posture could not analyse', () => {
  const unanalysable = [
    {
      path: 'roles/app/vars/main.yml',
      kind: 'too-deep' as const,
      message: 'YAML: nesting deeper than 128 levels is not analysed',
      line: 129,
    },
  ];

  it('fails even when a security reviewer signed off, since nobody reviewed what Posture could not read', () => {
    expect(conclusion({ unanalysable, securityReview: { signedOff: true } })).toBe('failure');
    expect(conclusion({ unanalysable, securityReview: { signedOff: false } })).toBe('failure');
  });

  it('lets them through as neutral, never success, under on_unanalysable: warn, and the findings decide', () => {
    expect(conclusion({ unanalysable, onUnanalysable: 'warn' })).toBe('neutral');
    expect(conclusion({ unanalysable, onUnanalysable: 'warn', counting: [makeFinding()] })).toBe(
      'failure',
    );
    expect(
      conclusion({ unanalysable, onUnanalysable: 'warn', securityReview: { signedOff: false } }),
    ).toBe('action_required');
  });

  it('is neutral, never success, when a sign-off meets files it could not read under on_unanalysable: warn', () => {
    // An approval carried over from an earlier push covers what Posture saw then, not a file
    // that became unreadable since, nor a change GitHub could not list whole.
    expect(
      conclusion({ unanalysable, onUnanalysable: 'warn', securityReview: { signedOff: true } }),
    ).toBe('neutral');
    expect(
      conclusion({ truncated: true, onUnanalysable: 'warn', securityReview: { signedOff: true } }),
    ).toBe('neutral');
    expect(conclusion({ securityReview: { signedOff: true } })).toBe('success');
  });

  it('says in the summary when the policy lets them through, and when findings fail the run as well', () => {
    const warned = summaryOf({ errors: unanalysable, onUnanalysable: 'warn' });
    expect(warned).toContain('**No new findings** in the changed files Posture analysed.');
    expect(warned).toContain(
      'The policy lets the check pass without them (`on_unanalysable: warn`)',
    );
    const both = summaryOf({ errors: unanalysable, added: [makeFinding()], conclusion: 'failure' });
    expect(both).toContain(
      'does not pass this check; besides, 1 new finding is at or above the fail threshold (high).',
    );
  });
});

describe('checkRunTitle', () => {
  it('names at most three files that could not be analysed, with their reasons', () => {
    const errors = ['a', 'b', 'c', 'd', 'e'].map((name) => ({
      path: `${name}.yml`,
      kind: 'syntax' as const,
      message: 'YAML: bad',
    }));
    expect(checkRunTitle({ added: [], existing: [], errors, truncated: false })).toBe(
      'No findings, 5 files not analysed: a.yml (syntax error), b.yml (syntax error), c.yml (syntax error) and 2 more',
    );
  });
});
