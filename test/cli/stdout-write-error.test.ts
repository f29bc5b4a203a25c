/**
 * When stdout is neither a pipe nor a file (a terminal, a character device), the report goes
 * through Node's stream. A write it refuses (`/dev/full`: ENOSPC) is a failure to carry out the
 * command: exit 2 with a one-line `posture:` message, as for an `--output` file Posture cannot
 * write, never an uncaught exception with exit 1, the code of a finding at the threshold.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLEAN_TASKS, tempTree } from './support/temp-tree.js';

const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const loader = pathToFileURL(path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs'));
const entry = path.join(projectRoot, 'src', 'cli', 'main.ts');

describe.skipIf(!existsSync('/dev/full'))('stdout that refuses the report', () => {
  it('exits 2 with a message, not 1 with an uncaught exception', async () => {
    const root = await tempTree({ 'roles/web/tasks/main.yml': CLEAN_TASKS });
    const full = openSync('/dev/full', 'w');
    try {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', loader.href, entry, 'scan'], {
          cwd: root,
          stdio: ['ignore', full, 'pipe'],
        });
        let stderr = '';
        child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.stderr).toMatch(/^posture: /);
      expect(run.code).toBe(2);
    } finally {
      closeSync(full);
    }
  }, 30_000);
});
