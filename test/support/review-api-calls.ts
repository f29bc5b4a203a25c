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
  /** unchanged files the review read with the change, as its summary says */
  beyond: number;
  annotations: number;
  /** 6 + 2⌈changed/100⌉ + ⌈beyond/250⌉ + ⌈annotations/50⌉ */
  budget: number;
}

/** What the pull request changes: task files, or role defaults that unchanged templates read. */
export type SyntheticChange = 'tasks' | 'variables';

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

/**
 * `count` roles whose defaults change; each role's template (unchanged) writes the default into
 * an sshd_config, and the first role's new value turns root login on.
 */
export function syntheticVariableTrees(count: number): {
  base: Map<string, string>;
  head: Map<string, string>;
} {
  const base = new Map<string, string>();
  const head = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const role = `roles/service-${String(index).padStart(4, '0')}`;
    const unchanged: Array<[string, string]> = [
      [
        `${role}/tasks/main.yml`,
        `---\n- name: Configure SSH\n  ansible.builtin.template:\n    src: sshd_config.j2\n    dest: /etc/ssh/sshd_config.d/${index}.conf\n    validate: /usr/sbin/sshd -t -f %s\n`,
      ],
      [`${role}/templates/sshd_config.j2`, `PermitRootLogin {{ service_${index}_root_login }}\n`],
    ];
    for (const [path, content] of unchanged) {
      base.set(path, content);
      head.set(path, content);
    }
    base.set(`${role}/defaults/main.yml`, `---\nservice_${index}_root_login: "no"\n`);
    head.set(
      `${role}/defaults/main.yml`,
      `---\nservice_${index}_root_login: "${index === 0 ? 'yes' : 'prohibit-password'}"\n`,
    );
  }
  return { base, head };
}

export async function countReviewApiCalls(
  files: number,
  change: SyntheticChange = 'tasks',
): Promise<ReviewApiCalls> {
  const standin = await startGitHubStandin(
    change === 'tasks' ? syntheticTrees(files) : syntheticVariableTrees(files),
  );
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
    // Every call of the job, including those after its run completed.
    await server.queue.idle();
    const calls = standin.requests.filter((request) => !request.path.startsWith('/api/v3/app/'));
    const byEndpoint: Record<string, number> = {};
    for (const call of calls)
      byEndpoint[endpointOf(call)] = (byEndpoint[endpointOf(call)] ?? 0) + 1;
    const graphql = calls.filter((call) => call.path === '/api/graphql').length;
    const beyond = Number(
      /with (\d+) unchanged files? their values/.exec(run.output.summary ?? '')?.[1] ?? 0,
    );
    const annotations = run.annotations.length;
    return {
      files,
      total: calls.length,
      rest: calls.length - graphql,
      graphql,
      byEndpoint,
      naive: naiveCallCount(files),
      conclusion: run.conclusion,
      beyond,
      annotations,
      budget:
        6 + 2 * Math.ceil(files / 100) + Math.ceil(beyond / 250) + Math.ceil(annotations / 50),
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
