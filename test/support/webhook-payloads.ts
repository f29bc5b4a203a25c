/**
 * Webhook payloads with GitHub's real shapes: taken from @octokit/webhooks-examples and
 * pointed at the repository, pull request and commits of a test.
 */
import { createRequire } from 'node:module';
import type { Probot } from 'probot';

export type WebhookEvent = Parameters<Probot['receive']>[0];

interface ExampleDefinition {
  name: string;
  examples: Record<string, unknown>[];
}

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as ExampleDefinition[];

export interface PayloadTarget {
  owner: string;
  repo: string;
  repositoryId: number;
  installationId: number;
  pullNumber: number;
  headSha: string;
  baseSha: string;
  changedFiles: number;
}

export function pullRequestEvent(
  action: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review',
  target: PayloadTarget,
  overrides: { draft?: boolean; state?: 'open' | 'closed' } = {},
): WebhookEvent {
  const payload = example('pull_request', action);
  const repository = repositoryOf(payload, target);
  const pullRequest = payload.pull_request as Record<string, unknown>;
  Object.assign(pullRequest, {
    number: target.pullNumber,
    state: overrides.state ?? 'open',
    draft: overrides.draft ?? false,
    changed_files: target.changedFiles,
    head: { ...(pullRequest.head as object), sha: target.headSha, ref: 'feature', repo: repository },
    base: { ...(pullRequest.base as object), sha: target.baseSha, ref: 'main', repo: repository },
  });
  Object.assign(payload, { number: target.pullNumber, repository, installation: installationOf(target) });
  return { id: `delivery-${action}-${target.headSha.slice(0, 7)}`, name: 'pull_request', payload } as WebhookEvent;
}

/** `pullRequests` as GitHub lists them on the check run; empty for pull requests from forks. */
export function checkRunRerequestedEvent(target: PayloadTarget, pullRequests: 'listed' | 'empty', name = 'Posture'): WebhookEvent {
  const payload = example('check_run', 'rerequested');
  const repository = repositoryOf(payload, target);
  Object.assign(payload.check_run as object, {
    name,
    head_sha: target.headSha,
    pull_requests: pullRequests === 'listed' ? [listedPullRequest(target)] : [],
  });
  Object.assign(payload, { repository, installation: installationOf(target) });
  return { id: `delivery-check-run-${target.headSha.slice(0, 7)}`, name: 'check_run', payload } as WebhookEvent;
}

export function checkSuiteRerequestedEvent(target: PayloadTarget, pullRequests: 'listed' | 'empty'): WebhookEvent {
  const payload = example('check_suite', 'rerequested');
  const repository = repositoryOf(payload, target);
  Object.assign(payload.check_suite as object, {
    head_sha: target.headSha,
    pull_requests: pullRequests === 'listed' ? [listedPullRequest(target)] : [],
  });
  Object.assign(payload, { repository, installation: installationOf(target) });
  return { id: `delivery-check-suite-${target.headSha.slice(0, 7)}`, name: 'check_suite', payload } as WebhookEvent;
}

function example(name: string, action: string): Record<string, unknown> {
  const found = examples.find((definition) => definition.name === name)?.examples.find((payload) => payload.action === action && 'installation' in payload);
  if (!found) throw new Error(`@octokit/webhooks-examples has no ${name}.${action} example with an installation`);
  return structuredClone(found);
}

function repositoryOf(payload: Record<string, unknown>, target: PayloadTarget): Record<string, unknown> {
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
  const repo = { id: target.repositoryId, url: `https://api.github.com/repos/${target.owner}/${target.repo}`, name: target.repo };
  return {
    id: 1000 + target.pullNumber,
    number: target.pullNumber,
    url: `https://api.github.com/repos/${target.owner}/${target.repo}/pulls/${target.pullNumber}`,
    head: { ref: 'feature', sha: target.headSha, repo },
    base: { ref: 'main', sha: target.baseSha, repo },
  };
}
