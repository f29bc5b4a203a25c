/**
 * The queue between webhooks and reviews. Two backends implement it with the same behaviour: an
 * embedded one (SQLite in a local data folder, one process) and one on Redis (BullMQ, any number
 * of replicas).
 *
 * - `enqueue` is all a webhook does: it answers in milliseconds.
 * - A job joins the live job with the same id (see `jobIdOf`); a delivery id seen before is dropped.
 * - Jobs of one pull request run one at a time; among installations, the one with the fewest
 *   jobs running goes first, so one busy org cannot starve the others.
 * - When an event makes a newer head the pull request's latest, the running job of an older
 *   head is aborted (its signal's reason is `{ kind: 'superseded' }`) and waiting ones learn it
 *   from `supersededBy()` when they start.
 * - A job whose process died is resumed: on restart (embedded) or by another replica (Redis).
 * - `stop()` aborts running jobs with reason `{ kind: 'shutdown' }` and hands them back.
 */
import type { JobRequest } from './job-request.js';

export type AbortReason = { kind: 'superseded'; by: string } | { kind: 'shutdown' };

/** A check run a job opened and has not completed yet. */
export interface OpenRun {
  jobId: string;
  installationId: number;
  owner: string;
  repo: string;
  headSha: string;
  checkRunId: number;
  /** epoch milliseconds */
  openedAt: number;
}

export interface ActiveJob {
  id: string;
  request: JobRequest;
  /** 1 for the first try; counts tries cut short by a crash too */
  attempt: number;
  signal: AbortSignal;
  /** the pull request's latest head when it is not this job's head */
  supersededBy(): Promise<string | undefined>;
  /**
   * Records this job's head as the pull request's latest: GitHub itself just said so, which
   * outranks what the events said (they can arrive out of order).
   */
  confirmHead(observedAt: string): Promise<void>;
  /** remembers a check run this job opened, so that it is completed whatever happens to the job */
  rememberRun(run: Omit<OpenRun, 'jobId' | 'openedAt'>): Promise<void>;
  /** the run this job opened before (a try cut short), if any */
  rememberedRun(): Promise<OpenRun | undefined>;
  forgetRun(): Promise<void>;
  /** queues follow-up work (the reviews a find job found, a head nobody queued) */
  enqueue(request: JobRequest): Promise<EnqueueOutcome>;
}

export type JobOutcome =
  | { status: 'done' }
  /** try again at `at` (epoch milliseconds) */
  | { status: 'retry'; at: number; reason: string }
  /** give up; redelivering one of the job's deliveries may try again */
  | { status: 'failed'; reason: string }
  /** the job was interrupted by a shutdown and should run again elsewhere, not counted as a try */
  | { status: 'handed-back' };

export type JobHandler = (job: ActiveJob) => Promise<JobOutcome>;

export type EnqueueOutcome = 'queued' | 'joined' | 'duplicate-delivery';

export interface QueueCounts {
  waiting: number;
  running: number;
  delayed: number;
}

export interface ReviewQueue {
  readonly backend: 'embedded' | 'redis';
  enqueue(request: JobRequest): Promise<EnqueueOutcome>;
  /** starts handing jobs to `handler`, at most `concurrency` at once */
  start(handler: JobHandler, concurrency: number): void;
  /** stops taking jobs; running ones are aborted, awaited (up to `graceMs`) and handed back */
  stop(graceMs?: number): Promise<void>;
  counts(): Promise<QueueCounts>;
  /** whether the queue can take work (its store answers) */
  isReady(): Promise<boolean>;
  /** runs opened before `before` (epoch milliseconds) whose job is not running here or anywhere */
  staleOpenRuns(before: number): Promise<OpenRun[]>;
  forgetOpenRun(jobId: string): Promise<void>;
  /** resolves when nothing is waiting or running (tests and benchmarks) */
  idle(): Promise<void>;
  close(): Promise<void>;
}
