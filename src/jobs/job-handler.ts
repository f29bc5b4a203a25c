/** The queue's handler: every job, by kind. */
import type { JobHandler } from '../queue/review-queue.js';
import { runFindPullRequestsJob } from './find-pull-requests-job.js';
import type { JobDependencies } from './job-dependencies.js';
import { runReviewJob } from './review-job.js';

export function createJobHandler(deps: JobDependencies): JobHandler {
  return (job) => (job.request.kind === 'review' ? runReviewJob(job, job.request, deps) : runFindPullRequestsJob(job, job.request, deps));
}
