/**
 * Findings in test and example code (`src/languages/test-code.ts`) under the policy's default
 * `test_code: report`: listed apart, low, and outside the verdict.
 */
import type { Finding } from '../model/finding.js';
import type { FileOutcome } from './analyze-file.js';

const TEST_CODE_JUSTIFICATION =
  'in test or example code, which the policy reports apart (test_code: report)';

/** A finding in test code, as `test_code: report` lists it: low, marked, outside the verdict. */
function setApart(finding: Finding): Finding {
  return {
    ...finding,
    severity: 'low',
    context: 'test',
    ...(finding.justification === undefined ? { justification: TEST_CODE_JUSTIFICATION } : {}),
  };
}

/**
 * A test file's outcome under `test_code: report`: its findings set apart, a file that could
 * not be analysed turned into a notice (test code does not fail closed), and no model, so that
 * the security surfaces and the risk of a change consider production code only.
 */
export function reportApart(outcome: FileOutcome): FileOutcome {
  const { error, model: _model, ...rest } = outcome;
  const notices = error
    ? [
        ...rest.notices,
        {
          path: error.path,
          ...(error.line === undefined ? {} : { line: error.line }),
          message: `not analysed (test code, outside the verdict): ${error.message}`,
        },
      ]
    : rest.notices;
  return { findings: rest.findings.map(setApart), notices };
}
