/**
 * How many GitHub API calls one review makes: a pull request of N changed task files (each file
 * edited, one of them adding a finding) is served by the GitHub stand-in, the real server reviews
 * it after a signed `pull_request.opened`, and the requests the stand-in saw are counted by
 * endpoint. Token requests are left out: Probot makes one per installation and hour, not per
 * review. The naive count is the yardstick "2 + 2 per file": two calls for the review itself and
 * a read of each changed file's base and head version, one by one.
 */
import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { configFromEnv } from '../../src/server/config-from-env.js';
import { startPostureServer } from '../../src/server/create-server.js';
import { deliverWebhook } from './deliver-webhook.js';
import { appEnvironment, startGitHubStandin, type RecordedRequest } from './github-standin.js';
import { pullRequestEvent } from './webhook-payloads.js';

export interface ReviewApiCalls {
  files: number;
  total: number;
  rest: number;
  graphql: number;
  /** `GET /repos/{owner}/{repo}/pulls/{number}/files` → 10, `graphql PostureBlobs` → 10 */
  byEndpoint: Record<string, number>;
  naive: number;
  conclusion: string | null;
}

export function naiveCallCount(files: number): number {
  return 2 + 2 * files;
}

/** `count` task files at base and head; every head file changes one line, the first adds a finding. */
export function syntheticTrees(count: number): {
  base: Map<string, string>;
  head: Map<string, string>;
} {
  const base = new Map<string, string>();
  const head = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const path = `roles/service-${String(index).padStart(4, '0')}/tasks/main.yml`;
    const task = (message: string) =>
      `---\n- name: Report the service\n  ansible.builtin.debug:\n    msg: ${message}\n`;
    base.set(path, task(`service ${index}`));
    const insecure =
      index === 0
        ? `- name: Fetch the agent\n  ansible.builtin.get_url:\n    url: https://example.com/agent\n    dest: /tmp/agent\n    validate_certs: no\n`
        : '';
    head.set(path, `${task(`service ${index} is ready`)}${insecure}`);
  }
  return { base, head };
}

export async function countReviewApiCalls(files: number): Promise<ReviewApiCalls> {
  const standin = await startGitHubStandin(syntheticTrees(files));
  const secret = randomBytes(16).toString('hex');
  const config = configFromEnv(appEnvironment(standin, secret));
  if (!config.ok) throw new Error(config.problems.join('\n'));
  const server = await startPostureServer(config.config, pino({ level: 'silent' }));
  try {
    await deliverWebhook(server.webhookUrl, pullRequestEvent('opened', standin.target), secret);
    const run = await standin.waitFor(
      () => standin.checkRuns.find((candidate) => candidate.status === 'completed'),
      120_000,
    );
    const calls = standin.requests.filter((request) => !request.path.startsWith('/api/v3/app/'));
    const byEndpoint: Record<string, number> = {};
    for (const call of calls)
      byEndpoint[endpointOf(call)] = (byEndpoint[endpointOf(call)] ?? 0) + 1;
    const graphql = calls.filter((call) => call.path === '/api/graphql').length;
    return {
      files,
      total: calls.length,
      rest: calls.length - graphql,
      graphql,
      byEndpoint,
      naive: naiveCallCount(files),
      conclusion: run.conclusion,
    };
  } finally {
    await server.close();
    await standin.close();
  }
}

function endpointOf(call: RecordedRequest): string {
  if (call.path === '/api/graphql')
    return `graphql ${/^(?:query|mutation) (\w+)/.exec(String((call.body as { query?: string }).query))?.[1] ?? '?'}`;
  const path = (call.path.split('?')[0] ?? '')
    .replace(/^\/api\/v3/, '')
    .replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{owner}/{repo}')
    .replace(/\/compare\/[^/]+$/, '/compare/{basehead}')
    .replace(/\/[0-9a-f]{40}(?=\/|$)/g, '/{sha}')
    .replace(/\/\d+(?=\/|$)/g, '/{number}');
  return `${call.method} ${path}`;
}
