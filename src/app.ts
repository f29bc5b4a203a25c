/**
 * The Probot app: registers Posture's webhook handlers and nothing else.
 */
import type { Probot } from 'probot';
import { analyze } from './engine/analyze.js';
import { handleCheckRunRerequested } from './handlers/check-run.js';
import { handleCheckSuiteRerequested } from './handlers/check-suite.js';
import { oncePerDelivery } from './handlers/once-per-delivery.js';
import { handlePullRequestReview, PULL_REQUEST_REVIEW_EVENTS } from './handlers/pull-request-review.js';
import { handlePullRequest, PULL_REQUEST_EVENTS } from './handlers/pull-request.js';
import { RecentDeliveries } from './handlers/recent-deliveries.js';
import { handleRequestedAction } from './handlers/requested-action.js';
import { createHeadReviewer, type AnalyzeFunction } from './review/review-head.js';

/** What tests and the server may provide: the engine, the clock, and the app's id. */
export interface PostureDependencies {
  analyze?: AnalyzeFunction;
  now?: () => Date;
  /** lets Posture tell its own check runs from another app's named alike */
  appId?: number;
}

export default function postureApp(app: Probot, deps: PostureDependencies = {}): void {
  const reviewer = createHeadReviewer({
    analyze: deps.analyze ?? ((files, options) => analyze(files, options)),
    now: deps.now ?? (() => new Date()),
    ...(deps.appId === undefined ? {} : { appId: deps.appId }),
  });
  const deliveries = new RecentDeliveries();
  app.on([...PULL_REQUEST_EVENTS], oncePerDelivery(deliveries, handlePullRequest(reviewer)));
  app.on([...PULL_REQUEST_REVIEW_EVENTS], oncePerDelivery(deliveries, handlePullRequestReview(reviewer)));
  app.on('check_run.rerequested', oncePerDelivery(deliveries, handleCheckRunRerequested(reviewer)));
  app.on('check_run.requested_action', oncePerDelivery(deliveries, handleRequestedAction(reviewer)));
  app.on('check_suite.rerequested', oncePerDelivery(deliveries, handleCheckSuiteRerequested(reviewer)));
}
