import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import postureApp from '../../src/app.js';
import { analyze } from '../../src/engine/analyze.js';
import { createJobHandler } from '../../src/jobs/job-handler.js';
import { scheduleFrom } from '../../src/jobs/retry-policy.js';
import { EmbeddedQueue } from '../../src/queue/embedded-queue.js';
import type { AnalyzeFunction } from '../../src/review/evaluate-change.js';
import { inThreadAnalyzer } from '../../src/workers/analysis-pool.js';

export const FIXED_NOW = new Date('2025-03-01T12:00:00.000Z');

export interface AppUnderTest {
  /** delivers an event and waits until every job it queued (and their follow-ups) is done */
  receive(event: Parameters<Probot['receive']>[0]): Promise<void>;
  queue: EmbeddedQueue;
  close(): Promise<void>;
}

export interface AppUnderTestOptions {
  analyze?: AnalyzeFunction;
  now?: () => Date;
  appId?: number;
  /** tries of a review in all; 1 by default, so that a mocked failure ends the review at once */
  maxAttempts?: number;
}

/**
 * Posture's app and review workers on an in-memory queue, in a Probot that talks to
 * https://api.github.com with a plain token and without request retries or throttling, so that a
 * mocked failure surfaces at once. Analysis runs in the test's own thread.
 */
export async function probotUnderTest(options: AppUnderTestOptions = {}): Promise<AppUnderTest> {
  const log = pino({ level: 'silent' });
  const probot = new Probot({
    githubToken: 'test-installation-token',
    log,
    // A function, not an object: Probot applies its own throttle options over object defaults.
    Octokit: ProbotOctokit.defaults((octokitOptions: object) => ({
      ...octokitOptions,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  const queue = new EmbeddedQueue({ dataDir: ':memory:' });
  await probot.load((app) => postureApp(app, { queue }));
  const handler = createJobHandler({
    log,
    github: { installation: (installationId) => probot.auth(installationId) },
    analyzer: inThreadAnalyzer(
      options.analyze ?? ((files, analyzeOptions) => analyze(files, analyzeOptions)),
    ),
    now: options.now ?? (() => FIXED_NOW),
    ...(options.appId === undefined ? {} : { appId: options.appId }),
    retry: scheduleFrom(1, options.maxAttempts ?? 1),
  });
  queue.start(handler, 4);
  return {
    queue,
    async receive(event) {
      await probot.receive(event);
      await queue.idle();
    },
    close: () => queue.close(),
  };
}
