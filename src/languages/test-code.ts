/**
 * Test and example code: what a repository keeps to test, demonstrate or document its
 * configuration rather than to configure hosts with. Molecule scenarios and role `tests/`
 * (Ansible), `spec/fixtures` and `examples/` manifests (Puppet), Test Kitchen fixture
 * cookbooks (Chef) hold throwaway passwords and shortcuts on purpose; under the default
 * `test_code: report` their findings are listed apart and never decide a verdict
 * (`src/engine/report-apart.ts`).
 *
 * A file is test code when a folder on its path (relative to the repository root) is one of
 * the conventional names below, or a name made of words that include a test word
 * (`integration-tests`, `test_playbooks`). The file's own name does not count.
 */

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
