/**
 * Test and example code: what a repository keeps to test, demonstrate or document its
 * configuration rather than to configure hosts with. Molecule scenarios and role `tests/`
 * (Ansible), `spec/fixtures` and `examples/` manifests (Puppet), Test Kitchen fixture
 * cookbooks (Chef) hold throwaway passwords and shortcuts on purpose; under the default
 * `test_code: report` their findings are listed apart and never decide a verdict.
 *
 * A file is test code when a folder on its path (relative to the repository root) is one of
 * the conventional names below, or a name made of words that include a test word
 * (`integration-tests`, `test_playbooks`). The file's own name does not count.
 */
import type { Finding } from '../model/finding.js';
import type { FileOutcome } from './analyze-file.js';

/** Folders that hold tests, test fixtures, examples and documentation, in all three languages. */
const TEST_CODE_FOLDERS = new Set([
  // tests and their fixtures
  'test',
  'tests',
  'testing',
  'spec',
  'specs',
  'fixtures',
  'molecule',
  // examples and documentation
  'examples',
  'example',
  'samples',
  'sample',
  'docs',
  'doc',
  'documentation',
]);

/** Words that make a folder whose name has several a test folder (`kitchen-tests`, `test_playbooks`). */
const TEST_WORDS = new Set(['test', 'tests', 'testing', 'spec', 'specs']);

export function isTestFolder(name: string): boolean {
  const lower = name.toLowerCase();
  return TEST_CODE_FOLDERS.has(lower) || lower.split(/[-_.]+/).some((word) => TEST_WORDS.has(word));
}

function folders(path: string): string[] {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .slice(0, -1)
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

export function isTestCode(path: string): boolean {
  return folders(path).some(isTestFolder);
}

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
