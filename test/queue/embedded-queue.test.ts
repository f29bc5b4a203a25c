import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';
import { describeQueueContract } from './queue-contract.js';

const folders: string[] = [];
function dataDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'posture-queue-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describeQueueContract('embedded (SQLite)', {
  create: async () => new EmbeddedQueue({ dataDir: dataDir() }),
});

describe('embedded queue on disk', () => {
  it('resumes, after a kill -9, the job that was running, with the run it opened', async () => {
    const folder = dataDir();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        fileURLToPath(new URL('./fixtures/die-mid-job.ts', import.meta.url)),
        folder,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('running') && resolve()),
    );
    child.kill('SIGKILL');
    await once(child, 'exit');

    const restarted = new EmbeddedQueue({ dataDir: folder });
    try {
      const seen: Array<{ attempt: number; run: number | undefined }> = [];
      restarted.start(async (job) => {
        seen.push({ attempt: job.attempt, run: (await job.rememberedRun())?.checkRunId });
        return { status: 'done' };
      }, 1);
      await restarted.idle();
      expect(seen).toEqual([{ attempt: 2, run: 55 }]);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a second process on the same data folder', async () => {
    const folder = dataDir();
    const first = new EmbeddedQueue({ dataDir: folder });
    try {
      expect(() => new EmbeddedQueue({ dataDir: folder })).toThrow(
        /in use by another Posture process/,
      );
    } finally {
      await first.close();
    }
  });
});
