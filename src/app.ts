/**
 * The Probot app: registers Posture's webhook handlers and nothing else.
 */
import type { Probot } from 'probot';
import { analyze } from './engine/analyze.js';
import { handleCheckRunRerequested } from './handlers/check-run.js';
import { handleCheckSuiteRerequested } from './handlers/check-suite.js';
import { handlePullRequest, PULL_REQUEST_EVENTS } from './handlers/pull-request.js';
import { createHeadReviewer, type AnalyzeFunction } from './review/review-head.js';

/** What tests may replace: the engine and the clock. */
export interface PostureDependencies {
  analyze?: AnalyzeFunction;
  now?: () => Date;
}

export default function postureApp(app: Probot, deps: PostureDependencies = {}): void {
  const reviewer = createHeadReviewer({
    analyze: deps.analyze ?? ((files, options) => analyze(files, options)),
    now: deps.now ?? (() => new Date()),
  });
  app.on([...PULL_REQUEST_EVENTS], handlePullRequest(reviewer));
  app.on('check_run.rerequested', handleCheckRunRerequested(reviewer));
  app.on('check_suite.rerequested', handleCheckSuiteRerequested(reviewer));
}
