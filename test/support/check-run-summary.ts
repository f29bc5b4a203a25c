/** A check run's summary for a small review, with whatever a test changes in its input. */
import { checkRunSummary, type SummaryInput } from '../../src/review/summary.js';

export const SUMMARY_HEAD = '0123456789abcdef0123456789abcdef01234567';

export function summaryOf(overrides: Partial<SummaryInput>): string {
  return checkRunSummary({
    added: [],
    existing: [],
    fixed: [],
    risk: 'low',
    surfaces: [],
    errors: [],
    onUnanalysable: 'fail',
    analyzedFiles: 1,
    listedFiles: 1,
    truncated: false,
    headSha: SUMMARY_HEAD,
    failOn: 'high',
    conclusion: 'success',
    inlineReview: { status: 'not-needed', alreadyCommented: 0 },
    isUnchangedLine: () => false,
    ...overrides,
  });
}
