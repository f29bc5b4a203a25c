import { describe, expect, it } from 'vitest';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';
import { jobIdOf, type ReviewJobRequest } from '../../src/queue/job-request.js';

const push: ReviewJobRequest = {
  kind: 'review',
  installationId: 3,
  owner: 'acme',
  repo: 'infra',
  pullNumber: 7,
  headSha: 'a'.repeat(40),
  trigger: { kind: 'push' },
  deliveryId: 'opened-1',
};
const reopened: ReviewJobRequest = {
  ...push,
  trigger: { kind: 'push', reopened: true },
  deliveryId: 'reopened-1',
};

describe('a pull request reopened at a head whose job is still running', () => {
  it('is a job of its own, not one that joins the running job', () => {
    expect(jobIdOf(reopened)).not.toBe(jobIdOf(push));
    expect(jobIdOf({ ...push, deliveryId: 'synchronize-2' })).toBe(jobIdOf(push));
  });

  it('runs after the job that was running, which may have found the pull request closed', async () => {
    const queue = new EmbeddedQueue({ dataDir: ':memory:' });
    const ran: string[] = [];
    let release!: () => void;
    const running = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    queue.start(async (job) => {
      ran.push(job.request.deliveryId);
      if (ran.length === 1) {
        started();
        await running;
      }
      return { status: 'done' };
    }, 1);
    expect(await queue.enqueue(push)).toBe('queued');
    await firstStarted;
    expect(await queue.enqueue(reopened)).toBe('queued');
    release();
    await queue.idle();
    expect(ran).toEqual(['opened-1', 'reopened-1']);
    await queue.close();
  });
});
