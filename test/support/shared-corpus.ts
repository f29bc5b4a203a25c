/**
 * The shared corpora (`../shared/corpus`, beside the project root) exist on the team's machines
 * and in CI, not in a user's fresh clone. Tests that read them go through here: when the folder
 * is absent they are skipped, and the reason is printed so that nobody mistakes a skip for a pass.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** `../shared/corpus`, resolved from the project root. */
export const SHARED_CORPUS = resolve(PROJECT_ROOT, '../shared/corpus');

export const hasSharedCorpus = existsSync(SHARED_CORPUS);

/** `describe`, skipped with a printed reason when the shared corpora are not beside the project. */
export function describeWithSharedCorpus(name: string, body: () => void): void {
  if (!hasSharedCorpus) {
    console.warn(
      `skipped "${name}": it reads ${SHARED_CORPUS}, which is not beside this checkout (CI provides it)`,
    );
    describe.skip(`${name} (skipped: ../shared/corpus is absent)`, body);
    return;
  }
  describe(name, body);
}
