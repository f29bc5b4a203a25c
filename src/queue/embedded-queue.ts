/**
 * The embedded queue: a job table in SQLite (better-sqlite3) in a local data folder, for one
 * Posture process. It survives a crash: jobs that were running when the process died are
 * waiting again when it restarts, with the check run they had opened. The database is opened
 * in exclusive locking mode, so a second process pointed at the same folder is refused instead
 * of sharing (and corrupting) the work; run replicas on Redis instead.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
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

export interface EmbeddedQueueOptions {
  /** a folder for `posture-queue.sqlite3`, or ':memory:' for a queue that dies with the process */
  dataDir: string;
  /** how long a delivery id is remembered, to drop redeliveries */
  deliveryMemoryMs?: number;
  now?: () => number;
  /** called when a handler throws instead of returning an outcome (a bug); the job is retried */
  onHandlerError?: (error: unknown, jobId: string) => void;
}

interface JobRow {
  id: string;
  serial_key: string;
  installation_id: number;
  request: string;
  state: 'waiting' | 'running';
  attempts: number;
  run_after: number;
  enqueued_at: number;
  turn: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS jobs (
  id TEXT PRIMARY KEY,
  serial_key TEXT NOT NULL,
  installation_id INTEGER NOT NULL,
  request TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('waiting', 'running')),
  attempts INTEGER NOT NULL DEFAULT 0,
  run_after INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  turn INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
  installation_id INTEGER PRIMARY KEY,
  last_turn INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS clock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  turn INTEGER NOT NULL
);
INSERT OR IGNORE INTO clock (id, turn) VALUES (1, 0);
CREATE INDEX IF NOT EXISTS jobs_by_state ON jobs (state, run_after);
CREATE TABLE IF NOT EXISTS heads (
  pull_request TEXT PRIMARY KEY,
  head_sha TEXT NOT NULL,
  observed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_by_job ON deliveries (job_id);
CREATE TABLE IF NOT EXISTS open_runs (
  job_id TEXT PRIMARY KEY,
  run TEXT NOT NULL,
  opened_at INTEGER NOT NULL
);
`;

/** A job that throws instead of returning an outcome is tried again after this, doubling. */
const HANDLER_ERROR_BACKOFF_MS = 5_000;
const MAX_HANDLER_ERRORS = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export class EmbeddedQueue implements ReviewQueue {
  readonly backend = 'embedded' as const;
  readonly #db: Database.Database;
  readonly #now: () => number;
  readonly #deliveryMemoryMs: number;
  readonly #onHandlerError: (error: unknown, jobId: string) => void;
  readonly #running = new Map<
    string,
    { controller: AbortController; done: Promise<void>; request: JobRequest }
  >();
  #handler: JobHandler | undefined;
  #concurrency = 0;
  #stopping = false;
  #timer: NodeJS.Timeout | undefined;
  #idleWaiters: Array<() => void> = [];

  constructor(options: EmbeddedQueueOptions) {
    this.#now = options.now ?? Date.now;
    this.#deliveryMemoryMs = options.deliveryMemoryMs ?? WEEK_MS;
    this.#onHandlerError = options.onHandlerError ?? (() => undefined);
    const file = options.dataDir === ':memory:' ? ':memory:' : databaseFile(options.dataDir);
    this.#db = new Database(file, { timeout: 1_000 });
    try {
      this.#db.pragma('locking_mode = EXCLUSIVE');
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('synchronous = NORMAL');
      this.#db.exec(SCHEMA);
      // Jobs that were running when the process died wait again, as the next try.
      this.#db.prepare("UPDATE jobs SET state = 'waiting' WHERE state = 'running'").run();
    } catch (error) {
      this.#db.close();
      if (/locked/i.test(String(error)))
        throw new Error(
          `${file} is in use by another Posture process; give each process its own DATA_DIR, or share work through REDIS_URL`,
          { cause: error },
        );
      throw error;
    }
    this.#forgetOldDeliveries();
  }

  async enqueue(request: JobRequest): Promise<EnqueueOutcome> {
    const outcome = this.#db.transaction(() => this.#enqueueNow(request))();
    this.#pump();
    return outcome;
  }

  start(handler: JobHandler, concurrency: number): void {
    this.#handler = handler;
    this.#concurrency = Math.max(1, concurrency);
    this.#stopping = false;
    this.#forgetOldDeliveries();
    this.#pump();
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    const reason: AbortReason = { kind: 'shutdown' };
    for (const running of this.#running.values()) running.controller.abort(reason);
    const all = Promise.all([...this.#running.values()].map((running) => running.done));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
  }

  async counts(): Promise<QueueCounts> {
    const now = this.#now();
    const row = this.#db
      .prepare(
        `SELECT SUM(state = 'waiting' AND run_after <= ?) AS waiting, SUM(state = 'running') AS running,
                SUM(state = 'waiting' AND run_after > ?) AS delayed FROM jobs`,
      )
      .get(now, now) as { waiting: number | null; running: number | null; delayed: number | null };
    return { waiting: row.waiting ?? 0, running: row.running ?? 0, delayed: row.delayed ?? 0 };
  }

  async isReady(): Promise<boolean> {
    try {
      this.#db.prepare('SELECT 1').get();
      return !this.#stopping;
    } catch {
      return false;
    }
  }

  async staleOpenRuns(before: number): Promise<OpenRun[]> {
    const rows = this.#db
      .prepare('SELECT job_id, run FROM open_runs WHERE opened_at < ?')
      .all(before) as Array<{ job_id: string; run: string }>;
    return rows
      .filter((row) => !this.#running.has(row.job_id))
      .map((row) => JSON.parse(row.run) as OpenRun);
  }

  async forgetOpenRun(jobId: string): Promise<void> {
    this.#db.prepare('DELETE FROM open_runs WHERE job_id = ?').run(jobId);
  }

  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    await this.stop(0);
    this.#db.close();
  }

  #enqueueNow(request: JobRequest): EnqueueOutcome {
    const id = jobIdOf(request);
    const now = this.#now();
    const seen = this.#db
      .prepare('SELECT job_id FROM deliveries WHERE id = ?')
      .get(request.deliveryId);
    if (seen) return 'duplicate-delivery';
    this.#db
      .prepare('INSERT INTO deliveries (id, job_id, seen_at) VALUES (?, ?, ?)')
      .run(request.deliveryId, id, now);
    if (request.kind === 'review' && request.headObservedAt)
      this.#observeHead(pullRequestKey(request), request.headSha, request.headObservedAt);
    if (this.#db.prepare('SELECT 1 FROM jobs WHERE id = ?').get(id)) return 'joined';
    this.#db
      .prepare(
        `INSERT INTO jobs (id, serial_key, installation_id, request, state, run_after, enqueued_at, turn)
         VALUES (?, ?, ?, ?, 'waiting', ?, ?, ?)`,
      )
      .run(
        id,
        serialisationKeyOf(request),
        request.installationId,
        JSON.stringify(request),
        now,
        now,
        this.#nextTurn(request.installationId),
      );
    return 'queued';
  }

  /**
   * Fair turns among installations (start-time fair queuing with unit cost): a new job's turn is
   * one after the later of the queue's clock (the turn of the last job started) and its
   * installation's last turn. Jobs run in turn order, so backlogged installations take turns
   * and an installation that was quiet starts now, not ahead of everyone.
   */
  #nextTurn(installationId: number): number {
    const { turn: clock } = this.#db.prepare('SELECT turn FROM clock WHERE id = 1').get() as {
      turn: number;
    };
    const last = this.#db
      .prepare('SELECT last_turn FROM turns WHERE installation_id = ?')
      .get(installationId) as { last_turn: number } | undefined;
    const turn = Math.max(clock, last?.last_turn ?? 0) + 1;
    this.#db
      .prepare(
        'INSERT INTO turns (installation_id, last_turn) VALUES (?, ?) ON CONFLICT (installation_id) DO UPDATE SET last_turn = excluded.last_turn',
      )
      .run(installationId, turn);
    return turn;
  }

  /** Records a head as the pull request's latest unless a later event said otherwise; aborts older heads' running jobs. */
  #observeHead(pullRequest: string, headSha: string, observedAt: string): void {
    const current = this.#db
      .prepare('SELECT head_sha, observed_at FROM heads WHERE pull_request = ?')
      .get(pullRequest) as { head_sha: string; observed_at: string } | undefined;
    if (current && current.observed_at > observedAt) return;
    this.#db
      .prepare(
        'INSERT INTO heads (pull_request, head_sha, observed_at) VALUES (?, ?, ?) ON CONFLICT (pull_request) DO UPDATE SET head_sha = excluded.head_sha, observed_at = excluded.observed_at',
      )
      .run(pullRequest, headSha, observedAt);
    if (current?.head_sha === headSha) return;
    const reason: AbortReason = { kind: 'superseded', by: headSha };
    for (const { request, controller } of this.#running.values()) {
      if (
        request.kind === 'review' &&
        pullRequestKey(request) === pullRequest &&
        request.headSha !== headSha
      )
        controller.abort(reason);
    }
  }

  #pump(): void {
    if (!this.#handler || this.#stopping) return;
    while (this.#running.size < this.#concurrency) {
      const next = this.#takeNext();
      if (!next) break;
      this.#run(next);
    }
    this.#scheduleWake();
    this.#notifyIfIdle();
  }

  /** The next job to run: due, not of a pull request already running, first in fair turn order. */
  #takeNext(): JobRow | undefined {
    return this.#db.transaction(() => {
      const row = this.#db
        .prepare(
          `SELECT j.* FROM jobs j
           WHERE j.state = 'waiting' AND j.run_after <= ?
             AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.state = 'running' AND r.serial_key = j.serial_key)
           ORDER BY j.turn, j.enqueued_at, j.rowid
           LIMIT 1`,
        )
        .get(this.#now()) as JobRow | undefined;
      if (!row) return undefined;
      this.#db
        .prepare("UPDATE jobs SET state = 'running', attempts = attempts + 1 WHERE id = ?")
        .run(row.id);
      this.#db.prepare('UPDATE clock SET turn = MAX(turn, ?) WHERE id = 1').run(row.turn);
      return { ...row, state: 'running' as const, attempts: row.attempts + 1 };
    })();
  }

  #run(row: JobRow): void {
    const controller = new AbortController();
    const handler = this.#handler as JobHandler;
    const job = this.#activeJob(row, controller.signal);
    const done = (async () => {
      let outcome: JobOutcome;
      try {
        outcome = await handler(job);
      } catch (error) {
        this.#onHandlerError(error, row.id);
        outcome =
          row.attempts >= MAX_HANDLER_ERRORS
            ? { status: 'failed', reason: String(error) }
            : {
                status: 'retry',
                at: this.#now() + HANDLER_ERROR_BACKOFF_MS * 2 ** (row.attempts - 1),
                reason: String(error),
              };
      }
      this.#settle(row.id, outcome);
    })();
    this.#running.set(row.id, { controller, done, request: job.request });
    void done.finally(() => {
      this.#running.delete(row.id);
      this.#pump();
    });
  }

  #settle(id: string, outcome: JobOutcome): void {
    if (this.#db.open === false) return;
    switch (outcome.status) {
      case 'done':
        this.#db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
        break;
      case 'failed':
        this.#db.transaction(() => {
          this.#db.prepare('DELETE FROM jobs WHERE id = ?').run(id);
          // Redelivering one of its deliveries may try again.
          this.#db.prepare('DELETE FROM deliveries WHERE job_id = ?').run(id);
        })();
        break;
      case 'retry':
        this.#db
          .prepare("UPDATE jobs SET state = 'waiting', run_after = ? WHERE id = ?")
          .run(outcome.at, id);
        break;
      case 'handed-back':
        this.#db
          .prepare("UPDATE jobs SET state = 'waiting', attempts = attempts - 1 WHERE id = ?")
          .run(id);
        break;
    }
  }

  #activeJob(row: JobRow, signal: AbortSignal): ActiveJob {
    const request = JSON.parse(row.request) as JobRequest;
    return {
      id: row.id,
      request,
      attempt: row.attempts,
      signal,
      supersededBy: async () => {
        if (request.kind !== 'review') return undefined;
        const head = this.#db
          .prepare('SELECT head_sha FROM heads WHERE pull_request = ?')
          .get(pullRequestKey(request)) as { head_sha: string } | undefined;
        return head && head.head_sha !== request.headSha ? head.head_sha : undefined;
      },
      confirmHead: async (observedAt) => {
        if (request.kind !== 'review') return;
        this.#db
          .prepare(
            `INSERT INTO heads (pull_request, head_sha, observed_at) VALUES (?, ?, ?)
             ON CONFLICT (pull_request) DO UPDATE SET head_sha = excluded.head_sha, observed_at = MAX(observed_at, excluded.observed_at)`,
          )
          .run(pullRequestKey(request), request.headSha, observedAt);
      },
      rememberRun: async (run) => {
        const open: OpenRun = { ...run, jobId: row.id, openedAt: this.#now() };
        this.#db
          .prepare(
            'INSERT INTO open_runs (job_id, run, opened_at) VALUES (?, ?, ?) ON CONFLICT (job_id) DO UPDATE SET run = excluded.run, opened_at = excluded.opened_at',
          )
          .run(row.id, JSON.stringify(open), open.openedAt);
      },
      rememberedRun: async () => {
        const found = this.#db.prepare('SELECT run FROM open_runs WHERE job_id = ?').get(row.id) as
          { run: string } | undefined;
        return found ? (JSON.parse(found.run) as OpenRun) : undefined;
      },
      forgetRun: async () => this.forgetOpenRun(row.id),
      enqueue: (next) => this.enqueue(next),
    };
  }

  /** Wakes up when the earliest delayed job becomes due. */
  #scheduleWake(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#stopping || !this.#handler) return;
    const next = this.#db
      .prepare("SELECT MIN(run_after) AS at FROM jobs WHERE state = 'waiting'")
      .get() as { at: number | null };
    if (next.at === null) return;
    const delay = Math.max(10, next.at - this.#now());
    this.#timer = setTimeout(() => this.#pump(), Math.min(delay, 60_000));
    this.#timer.unref();
  }

  #isIdle(): boolean {
    if (this.#running.size > 0) return false;
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number };
    return row.n === 0;
  }

  #notifyIfIdle(): void {
    if (this.#idleWaiters.length === 0 || !this.#isIdle()) return;
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #forgetOldDeliveries(): void {
    this.#db
      .prepare('DELETE FROM deliveries WHERE seen_at < ? AND job_id NOT IN (SELECT id FROM jobs)')
      .run(this.#now() - this.#deliveryMemoryMs);
  }
}

function databaseFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return path.join(dataDir, 'posture-queue.sqlite3');
}
