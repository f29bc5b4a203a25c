import type { Logger } from 'pino';
import type { BlobCache } from '../review/blob-cache.js';
import type { GitHubClient } from '../review/review-target.js';
import type { ChangeAnalyzer } from '../review/evaluate-change.js';
import type { FailureKind, RetrySchedule } from './retry-policy.js';

/** What a job needs from the process around it. */
export interface JobDependencies {
  log: Logger;
  /** a new client for an installation, authenticated and with the process's retry and throttling settings */
  github: { installation(installationId: number): Promise<GitHubClient> };
  analyzer: ChangeAnalyzer;
  now: () => Date;
  /** the app's id, to tell its own check runs from another app's of the same name */
  appId?: number;
  retry: RetrySchedule;
  /** where rule documentation links point (`RULE_DOCS_URL`) */
  docsBase?: string;
  /** file contents by blob SHA, kept between the reviews of this process */
  blobCache?: BlobCache;
  metrics?: JobMetrics;
}

export interface JobMetrics {
  reviewFinished(outcome: 'reviewed' | 'skipped' | 'refused' | 'superseded' | 'failed'): void;
  reviewError(kind: FailureKind): void;
}
