/**
 * The Probot app: registers Posture's webhook handlers, each of which turns its event into jobs
 * and queues them. Nothing here calls GitHub: the reviews run from the queue.
 */
import type { Context, Probot } from 'probot';
import { checkRunRerequestedJobs, requestedActionJobs } from './handlers/check-run.js';
import { checkSuiteRerequestedJobs } from './handlers/check-suite.js';
import { mergeGroupJobs } from './handlers/merge-group.js';
import {
  pullRequestReviewJobs,
  PULL_REQUEST_REVIEW_EVENTS,
} from './handlers/pull-request-review.js';
import { baseChangedJobs, pullRequestJobs, PULL_REQUEST_EVENTS } from './handlers/pull-request.js';
import type { JobRequest } from './queue/job-request.js';
import type { ReviewQueue } from './queue/review-queue.js';

export interface PostureDependencies {
  queue: ReviewQueue;
}

export default function postureApp(app: Probot, { queue }: PostureDependencies): void {
  const queueing =
    <C extends Context>(jobsOf: (context: C) => JobRequest[]) =>
    async (context: C): Promise<void> => {
      for (const request of jobsOf(context)) {
        const outcome = await queue.enqueue(request);
        context.log.info(
          { delivery: context.id, job: request.kind, headSha: request.headSha, outcome },
          'webhook queued',
        );
      }
    };
  app.on([...PULL_REQUEST_EVENTS], queueing(pullRequestJobs));
  app.on('pull_request.edited', queueing(baseChangedJobs));
  app.on([...PULL_REQUEST_REVIEW_EVENTS], queueing(pullRequestReviewJobs));
  app.on('check_run.rerequested', queueing(checkRunRerequestedJobs));
  app.on('check_run.requested_action', queueing(requestedActionJobs));
  app.on('check_suite.rerequested', queueing(checkSuiteRerequestedJobs));
  app.on('merge_group.checks_requested', queueing(mergeGroupJobs));
}
