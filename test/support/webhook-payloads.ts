/**
 * Webhook payloads with GitHub's real shapes: taken from @octokit/webhooks-examples and
 * pointed at the repository, pull request and commits of a test.
 */
import { createRequire } from 'node:module';
import type { Probot } from 'probot';
import { PULL_REQUEST_AUTHOR } from './fake-github.js';

export type WebhookEvent = Parameters<Probot['receive']>[0];

interface ExampleDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const examples = createRequire(import.meta.url)(
  '@octokit/webhooks-examples',
) as ExampleDefinition[];

export interface PayloadTarget {
  owner: string;
  repo: string;
  repositoryId: number;
  installationId: number;
  pullNumber: number;
  headSha: string;
  baseSha: string;
  changedFiles: number;
  /** who opened the pull request; the fake GitHub's default author when absent */
  author?: string;
  htmlUrl?: string;
}

export function pullRequestEvent(
  action: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review',
  target: PayloadTarget,
  overrides: { draft?: boolean; state?: 'open' | 'closed'; deliveryId?: string } = {},
): WebhookEvent {
  const payload = example('pull_request', action);
  const repository = repositoryOf(payload, target);
  const pullRequest = payload.pull_request as Record<string, unknown>;
  Object.assign(pullRequest, pullRequestFields(pullRequest, target, repository), {
    state: overrides.state ?? 'open',
    draft: overrides.draft ?? false,
    changed_files: target.changedFiles,
  });
  Object.assign(payload, {
    number: target.pullNumber,
    repository,
    installation: installationOf(target),
  });
  return {
    id: overrides.deliveryId ?? `delivery-${action}-${target.headSha.slice(0, 7)}`,
    name: 'pull_request',
    payload,
  } as WebhookEvent;
}

/** `pull_request.edited`, as GitHub sends it when the base branch or only the title changed. */
export function pullRequestEditedEvent(
  target: PayloadTarget,
  changes: Record<string, unknown>,
  deliveryId: string,
): WebhookEvent {
  const event = pullRequestEvent('synchronize', target, { deliveryId });
  const payload = event.payload as Record<string, unknown>;
  delete payload.before;
  delete payload.after;
  Object.assign(payload, { action: 'edited', changes });
  return event;
}

/** A review someone submitted (or a dismissal), as GitHub sends it. */
export function pullRequestReviewEvent(
  action: 'submitted' | 'dismissed',
  target: PayloadTarget,
  review: {
    reviewer: string;
    state: 'approved' | 'changes_requested' | 'commented' | 'dismissed';
    commitId?: string;
    deliveryId?: string;
  },
): WebhookEvent {
  const payload = example('pull_request_review', action);
  const repository = repositoryOf(payload, target);
  Object.assign(
    payload.pull_request as object,
    pullRequestFields(payload.pull_request as Record<string, unknown>, target, repository),
    { state: 'open', draft: false },
  );
  Object.assign(payload.review as object, {
    state: review.state,
    commit_id: review.commitId ?? target.headSha,
    user: { ...(payload.review as { user: object }).user, login: review.reviewer },
  });
  Object.assign(payload, { repository, installation: installationOf(target) });
  return {
    id:
      review.deliveryId ??
      `delivery-review-${action}-${review.reviewer}-${target.headSha.slice(0, 7)}`,
    name: 'pull_request_review',
    payload,
  } as WebhookEvent;
}

/** A click on a check run's requested-action button. */
export function requestedActionEvent(
  target: PayloadTarget,
  click: {
    sender: string;
    identifier: string;
    checkRun: { id: number; output: { title?: string; summary?: string } };
    headSha?: string;
    deliveryId?: string;
  },
): WebhookEvent {
  const payload = example('check_run', 'requested_action');
  const repository = repositoryOf(payload, target);
  Object.assign(payload.check_run as object, {
    id: click.checkRun.id,
    name: 'Posture',
    head_sha: click.headSha ?? target.headSha,
    output: {
      title: click.checkRun.output.title ?? '',
      summary: click.checkRun.output.summary ?? '',
      text: null,
      annotations_count: 0,
    },
    pull_requests: [listedPullRequest(target)],
  });
  Object.assign(payload, {
    requested_action: { identifier: click.identifier },
    sender: { ...(payload.sender as object), login: click.sender },
    repository,
    installation: installationOf(target),
  });
  return {
    id: click.deliveryId ?? `delivery-action-${click.sender}-${click.checkRun.id}`,
    name: 'check_run',
    payload,
  } as WebhookEvent;
}

function pullRequestFields(
  pullRequest: Record<string, unknown>,
  target: PayloadTarget,
  repository: Record<string, unknown>,
) {
  return {
    number: target.pullNumber,
    // The event is sent now: events about later heads carry later times, as GitHub's do.
    updated_at: new Date().toISOString(),
    html_url:
      target.htmlUrl ??
      `https://github.com/${target.owner}/${target.repo}/pull/${target.pullNumber}`,
    user: { ...(pullRequest.user as object), login: target.author ?? PULL_REQUEST_AUTHOR },
    head: {
      ...(pullRequest.head as object),
      sha: target.headSha,
      ref: 'feature',
      repo: repository,
    },
    base: { ...(pullRequest.base as object), sha: target.baseSha, ref: 'main', repo: repository },
  };
}

/** `pullRequests` as GitHub lists them on the check run; empty for pull requests from forks. */
export function checkRunRerequestedEvent(
  target: PayloadTarget,
  pullRequests: 'listed' | 'empty',
  name = 'Posture',
): WebhookEvent {
  const payload = example('check_run', 'rerequested');
  const repository = repositoryOf(payload, target);
  Object.assign(payload.check_run as object, {
    name,
    head_sha: target.headSha,
    pull_requests: pullRequests === 'listed' ? [listedPullRequest(target)] : [],
  });
  Object.assign(payload, { repository, installation: installationOf(target) });
  return {
    id: `delivery-check-run-${target.headSha.slice(0, 7)}`,
    name: 'check_run',
    payload,
  } as WebhookEvent;
}

export function checkSuiteRerequestedEvent(
  target: PayloadTarget,
  pullRequests: 'listed' | 'empty',
): WebhookEvent {
  const payload = example('check_suite', 'rerequested');
  const repository = repositoryOf(payload, target);
  Object.assign(payload.check_suite as object, {
    head_sha: target.headSha,
    pull_requests: pullRequests === 'listed' ? [listedPullRequest(target)] : [],
  });
  Object.assign(payload, { repository, installation: installationOf(target) });
  return {
    id: `delivery-check-suite-${target.headSha.slice(0, 7)}`,
    name: 'check_suite',
    payload,
  } as WebhookEvent;
}

function example(name: string, action: string): Record<string, unknown> {
  const found = examples
    .find((definition) => definition.name === name)
    ?.examples.find((payload) => payload.action === action && 'installation' in payload);
  if (!found)
    throw new Error(
      `@octokit/webhooks-examples has no ${name}.${action} example with an installation`,
    );
  return structuredClone(found);
}

function repositoryOf(
  payload: Record<string, unknown>,
  target: PayloadTarget,
): Record<string, unknown> {
  const repository = structuredClone(payload.repository) as Record<string, unknown>;
  Object.assign(repository, {
    id: target.repositoryId,
    name: target.repo,
    full_name: `${target.owner}/${target.repo}`,
    owner: { ...(repository.owner as object), login: target.owner },
  });
  return repository;
}

function installationOf(target: PayloadTarget) {
  return { id: target.installationId, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
}

function listedPullRequest(target: PayloadTarget) {
  const repo = {
    id: target.repositoryId,
    url: `https://api.github.com/repos/${target.owner}/${target.repo}`,
    name: target.repo,
  };
  return {
    id: 1000 + target.pullNumber,
    number: target.pullNumber,
    url: `https://api.github.com/repos/${target.owner}/${target.repo}/pulls/${target.pullNumber}`,
    head: { ref: 'feature', sha: target.headSha, repo },
    base: { ref: 'main', sha: target.baseSha, repo },
  };
}

/** A merge queue asking for the required checks of the group that tests the pull request. */
export function mergeGroupEvent(
  target: PayloadTarget,
  groupHeadSha: string,
  deliveryId = `delivery-merge-group-${groupHeadSha.slice(0, 7)}`,
): WebhookEvent {
  const payload = example('merge_group', 'checks_requested');
  Object.assign(payload.merge_group as object, {
    head_sha: groupHeadSha,
    head_ref: `refs/heads/gh-readonly-queue/main/pr-${target.pullNumber}-${target.baseSha}`,
    base_sha: target.baseSha,
    base_ref: 'refs/heads/main',
  });
  Object.assign(payload, {
    repository: repositoryOf(payload, target),
    installation: installationOf(target),
  });
  return { id: deliveryId, name: 'merge_group', payload } as WebhookEvent;
}
