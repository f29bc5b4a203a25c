/** The queue's handler: every job, by kind. */
import type { JobHandler } from '../queue/review-queue.js';
import { runFindPullRequestsJob } from './find-pull-requests-job.js';
import type { JobDependencies } from './job-dependencies.js';
import { runMergeGroupJob } from './merge-group-job.js';
import { runReviewJob } from './review-job.js';

export function createJobHandler(deps: JobDependencies): JobHandler {
  return (job) => {
    const { request } = job;
    switch (request.kind) {
      case 'review':
        return runReviewJob(job, request, deps);
      case 'find-pull-requests':
        return runFindPullRequestsJob(job, request, deps);
      case 'merge-group':
        return runMergeGroupJob(job, request, deps);
    }
  };
}
