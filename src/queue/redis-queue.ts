/**
 * The queue on Redis, for any number of replicas: jobs live in BullMQ, and the rest of the
 * contract of `ReviewQueue` in a few keys of Posture's own beside it:
 *
 * - `<prefix>:delivery:<id>`: deliveries seen (a week), and `<prefix>:deliveries:<job>` the
 *   deliveries of a job, forgotten when it fails so that a redelivery tries again;
 * - `<prefix>:head:<pull request>`: the pull request's latest head and when GitHub said so;
 * - `<prefix>:lock:<pull request>`: which job of the pull request is running (one at a time);
 * - `<prefix>:turn:*`: fair turns among installations, used as BullMQ priorities;
 * - `<prefix>:open-runs`: check runs jobs opened and have not completed.
 *
 * A replica that dies loses its job locks; BullMQ moves its jobs back to waiting (stalled-job
 * detection) and another replica resumes them with the run they had opened.
 */
import { DelayedError, Queue, UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { jobIdOf, pullRequestKey, serialisationKeyOf, type JobRequest } from './job-request.js';
import type {
  AbortReason,
  ActiveJob,
  EnqueueOutcome,
  JobHandler,
  JobOutcome,
  OpenRun,
  QueueCounts,
  ReviewQueue,
} from './review-queue.js';

export interface RedisQueueOptions {
  url: string;
  /** key prefix, so that several deployments can share one Redis */
  prefix?: string;
  /** how long a job's lock lives without renewal; a dead replica's jobs resume after about this */
  lockDurationMs?: number;
  deliveryMemorySeconds?: number;
  onHandlerError?: (error: unknown, jobId: string) => void;
}

const QUEUE_NAME = 'reviews';
const WEEK_SECONDS = 7 * 24 * 60 * 60;
/** how often a running job checks whether a newer head superseded it */
const SUPERSESSION_POLL_MS = 500;
/** a job whose pull request is busy waits this long before it asks again */
const BUSY_PULL_REQUEST_DELAY_MS = 500;
const HANDLER_ERROR_BACKOFF_MS = 5_000;
const MAX_HANDLER_ERRORS = 5;
/** BullMQ's largest priority */
const MAX_PRIORITY = 2 ** 21 - 1;

/**
 * Admits a request: drops a delivery seen before, remembers the delivery with its job, records
 * the head it observes (unless a later event said otherwise), joins a live job with the same id,
 * and otherwise returns the installation's next fair turn (see the embedded queue) to add the
 * job with. The turns start again from zero when nothing waits.
 *
 * KEYS: delivery, job's deliveries, pull request's head, BullMQ job, clock, installations' turns, prioritized
 * ARGV: job id, delivery id, a week, delivery memory, head sha, observed at, installation
 */
const ADMIT = `
if redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[4], 'NX') == false then return 'duplicate-delivery' end
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
if ARGV[6] ~= '' then
  local current = redis.call('HGET', KEYS[3], 'observedAt')
  if not current or current <= ARGV[6] then
    redis.call('HSET', KEYS[3], 'sha', ARGV[5], 'observedAt', ARGV[6])
    redis.call('EXPIRE', KEYS[3], ARGV[3])
  end
end
if redis.call('EXISTS', KEYS[4]) == 1 then return 'joined' end
local clock = tonumber(redis.call('GET', KEYS[5]) or '0')
if clock > 1000000 and redis.call('ZCARD', KEYS[7]) == 0 then
  redis.call('DEL', KEYS[5], KEYS[6])
  clock = 0
end
local last = tonumber(redis.call('HGET', KEYS[6], ARGV[7]) or '0')
local turn = math.max(clock, last) + 1
redis.call('HSET', KEYS[6], ARGV[7], turn)
return tostring(turn)`;

/** Records a head as the latest whatever the events said, keeping the latest time seen. */
const CONFIRM_HEAD = `
local current = redis.call('HGET', KEYS[1], 'observedAt')
local observed = ARGV[2]
if current and current > observed then observed = current end
redis.call('HSET', KEYS[1], 'sha', ARGV[1], 'observedAt', observed)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

const ADVANCE_CLOCK = `
local clock = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > clock then redis.call('SET', KEYS[1], ARGV[1]) end
return 1`;

const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface RunningJob {
  controller: AbortController;
  request: JobRequest;
}

export class RedisQueue implements ReviewQueue {
  readonly backend = 'redis' as const;
  readonly #redis: Redis;
  readonly #queue: Queue;
  readonly #prefix: string;
  readonly #options: RedisQueueOptions;
  readonly #running = new Map<string, RunningJob>();
  #worker: Worker | undefined;
  #stopping = false;

  constructor(options: RedisQueueOptions) {
    this.#options = options;
    this.#prefix = options.prefix ?? 'posture';
    this.#redis = new Redis(options.url, { maxRetriesPerRequest: null, enableReadyCheck: true });
    this.#queue = new Queue(QUEUE_NAME, { connection: this.#redis, prefix: this.#prefix });
  }

  async enqueue(request: JobRequest): Promise<EnqueueOutcome> {
    const id = jobIdOf(request);
    const headKey =
      request.kind === 'review' && request.headObservedAt
        ? this.#key('head', pullRequestKey(request))
        : this.#key('head', '-');
    // One round trip for the bookkeeping, a second for BullMQ's own add.
    const answer = String(
      await this.#redis.eval(
        ADMIT,
        7,
        this.#key('delivery', request.deliveryId),
        this.#key('deliveries', id),
        headKey,
        `${this.#prefix}:${QUEUE_NAME}:${id}`,
        this.#key('turn', 'clock'),
        this.#key('turn', 'installations'),
        `${this.#prefix}:${QUEUE_NAME}:prioritized`,
        id,
        request.deliveryId,
        WEEK_SECONDS,
        this.#options.deliveryMemorySeconds ?? WEEK_SECONDS,
        request.kind === 'review' ? request.headSha : '',
        request.kind === 'review' ? (request.headObservedAt ?? '') : '',
        String(request.installationId),
      ),
    );
    if (answer === 'duplicate-delivery' || answer === 'joined') return answer;
    await this.#queue.add(request.kind, request, {
      jobId: id,
      priority: Math.min(Number(answer), MAX_PRIORITY),
      removeOnComplete: true,
      removeOnFail: true,
    });
    return 'queued';
  }

  start(handler: JobHandler, concurrency: number): void {
    this.#stopping = false;
    const lockDuration = this.#options.lockDurationMs ?? 30_000;
    this.#worker = new Worker<JobRequest>(
      QUEUE_NAME,
      (job, token) => this.#process(job, token, handler),
      {
        connection: this.#redis.duplicate(),
        prefix: this.#prefix,
        concurrency: Math.max(1, concurrency),
        lockDuration,
        stalledInterval: Math.max(1_000, Math.floor(lockDuration / 2)),
        // A replica killed mid-review is no reason to give a job up.
        maxStalledCount: 20,
      },
    );
    this.#worker.on('error', (error) => this.#options.onHandlerError?.(error, 'worker'));
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.#stopping = true;
    const reason: AbortReason = { kind: 'shutdown' };
    for (const running of this.#running.values()) running.controller.abort(reason);
    const worker = this.#worker;
    this.#worker = undefined;
    if (!worker) return;
    await Promise.race([
      worker.close(),
      new Promise((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
  }

  async counts(): Promise<QueueCounts> {
    const counts = await this.#queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      running: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
    };
  }

  async isReady(): Promise<boolean> {
    if (this.#stopping) return false;
    try {
      return (await this.#redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async staleOpenRuns(before: number): Promise<OpenRun[]> {
    const entries = await this.#redis.hgetall(this.#key('open-runs'));
    const stale: OpenRun[] = [];
    for (const text of Object.values(entries)) {
      const run = JSON.parse(text) as OpenRun;
      if (run.openedAt >= before) continue;
      const job = await this.#queue.getJob(run.jobId);
      if (job && (await job.isActive())) continue;
      stale.push(run);
    }
    return stale;
  }

  async forgetOpenRun(jobId: string): Promise<void> {
    await this.#redis.hdel(this.#key('open-runs'), jobId);
  }

  async idle(): Promise<void> {
    for (;;) {
      const { waiting, running, delayed } = await this.counts();
      if (waiting + running + delayed === 0 && this.#running.size === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.stop(0);
    await this.#queue.close();
    await this.#redis.quit().catch(() => undefined);
  }

  async #process(
    job: Job<JobRequest>,
    token: string | undefined,
    handler: JobHandler,
  ): Promise<void> {
    const request = job.data;
    const id = job.id ?? jobIdOf(request);
    const lockKey = this.#key('lock', serialisationKeyOf(request));
    const lockMs = this.#options.lockDurationMs ?? 30_000;
    const holder = await this.#redis.set(lockKey, id, 'PX', lockMs, 'NX');
    if (holder === null && (await this.#redis.get(lockKey)) !== id) {
      // Another job of this pull request is running: wait behind it; the wait is not a try.
      await this.#redis.hincrby(this.#key('not-tries'), id, 1);
      await job.moveToDelayed(Date.now() + BUSY_PULL_REQUEST_DELAY_MS, token);
      throw new DelayedError();
    }
    await this.#redis.eval(
      ADVANCE_CLOCK,
      1,
      this.#key('turn', 'clock'),
      String(job.opts.priority ?? 0),
    );

    const controller = new AbortController();
    this.#running.set(id, { controller, request });
    const renewLock = setInterval(
      () => void this.#redis.pexpire(lockKey, lockMs).catch(() => undefined),
      Math.floor(lockMs / 3),
    );
    const watchHead = setInterval(
      () => void this.#checkSuperseded(request, controller),
      SUPERSESSION_POLL_MS,
    );
    let outcome: JobOutcome;
    try {
      const notTries = Number((await this.#redis.hget(this.#key('not-tries'), id)) ?? '0');
      outcome = await handler(
        this.#activeJob(
          id,
          request,
          Math.max(1, job.attemptsStarted - notTries),
          controller.signal,
        ),
      );
    } catch (error) {
      this.#options.onHandlerError?.(error, id);
      outcome =
        job.attemptsStarted >= MAX_HANDLER_ERRORS
          ? { status: 'failed', reason: String(error) }
          : {
              status: 'retry',
              at: Date.now() + HANDLER_ERROR_BACKOFF_MS * 2 ** (job.attemptsStarted - 1),
              reason: String(error),
            };
    } finally {
      clearInterval(renewLock);
      clearInterval(watchHead);
      this.#running.delete(id);
      await this.#redis.eval(RELEASE_LOCK, 1, lockKey, id);
    }
    await this.#settle(job, id, token, outcome);
  }

  async #settle(
    job: Job<JobRequest>,
    id: string,
    token: string | undefined,
    outcome: JobOutcome,
  ): Promise<void> {
    switch (outcome.status) {
      case 'done':
        await this.#redis.hdel(this.#key('not-tries'), id);
        return;
      case 'retry':
        await job.moveToDelayed(outcome.at, token);
        throw new DelayedError();
      case 'failed': {
        const deliveries = await this.#redis.smembers(this.#key('deliveries', id));
        await this.#redis.del(
          ...deliveries.map((delivery) => this.#key('delivery', delivery)),
          this.#key('deliveries', id),
        );
        await this.#redis.hdel(this.#key('not-tries'), id);
        throw new UnrecoverableError(outcome.reason);
      }
      case 'handed-back':
        await this.#redis.hincrby(this.#key('not-tries'), id, 1);
        await job.moveToWait(token);
        throw new WaitingError();
    }
  }

  async #checkSuperseded(request: JobRequest, controller: AbortController): Promise<void> {
    if (controller.signal.aborted || request.kind !== 'review') return;
    const latest = await this.#latestHead(request).catch(() => undefined);
    if (latest && latest !== request.headSha) {
      const reason: AbortReason = { kind: 'superseded', by: latest };
      controller.abort(reason);
    }
  }

  async #latestHead(request: JobRequest): Promise<string | undefined> {
    if (request.kind !== 'review') return undefined;
    return (await this.#redis.hget(this.#key('head', pullRequestKey(request)), 'sha')) ?? undefined;
  }

  #activeJob(id: string, request: JobRequest, attempt: number, signal: AbortSignal): ActiveJob {
    const openRuns = this.#key('open-runs');
    return {
      id,
      request,
      attempt,
      signal,
      supersededBy: async () => {
        if (request.kind !== 'review') return undefined;
        const latest = await this.#latestHead(request);
        return latest && latest !== request.headSha ? latest : undefined;
      },
      confirmHead: async (observedAt) => {
        if (request.kind !== 'review') return;
        await this.#redis.eval(
          CONFIRM_HEAD,
          1,
          this.#key('head', pullRequestKey(request)),
          request.headSha,
          observedAt,
          WEEK_SECONDS,
        );
      },
      rememberRun: async (run) => {
        const open: OpenRun = { ...run, jobId: id, openedAt: Date.now() };
        await this.#redis.hset(openRuns, id, JSON.stringify(open));
      },
      rememberedRun: async () => {
        const text = await this.#redis.hget(openRuns, id);
        return text ? (JSON.parse(text) as OpenRun) : undefined;
      },
      forgetRun: () => this.forgetOpenRun(id),
      enqueue: (next) => this.enqueue(next),
    };
  }

  #key(...parts: string[]): string {
    return [this.#prefix, ...parts].join(':');
  }
}
