/**
 * The server as its own process, from the sources (through tsx) and as the bundle `npm start`
 * runs: it refuses to start without a webhook secret, and otherwise serves webhooks until
 * SIGTERM.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, removeBundle } from '../support/build-bundle.js';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
} from '../support/github-standin.js';
import { readTree } from '../support/pull-request-fixture.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = `${ROOT}demo/sample-pr/`;

let child: ChildProcessWithoutNullStreams | undefined;
let standin: GitHubStandin | undefined;
let bundleDir = '';

beforeAll(async () => {
  bundleDir = await buildBundle('server');
}, 60_000);

afterAll(async () => {
  await removeBundle(bundleDir);
});

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await standin?.close();
  child = undefined;
  standin = undefined;
});

type Build = 'sources' | 'bundle';

function startProcess(
  env: Record<string, string>,
  build: Build = 'sources',
): ChildProcessWithoutNullStreams {
  const entry =
    build === 'sources'
      ? ['--import', 'tsx', 'src/server/start.ts']
      : [`${bundleDir}server/start.js`];
  // Only what the test passes: no WEBHOOK_SECRET or APP_ID leaks in from the developer's shell.
  return spawn(process.execPath, entry, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
}

function collect(stream: NodeJS.ReadableStream): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

describe('npm start', () => {
  it('exits with status 1 and says why when WEBHOOK_SECRET is missing', async () => {
    child = startProcess({
      APP_ID: '1',
      PRIVATE_KEY: '-----BEGIN RSA PRIVATE KEY-----\nx\n-----END RSA PRIVATE KEY-----',
      NODE_ENV: 'production',
    });
    const stderr = collect(child.stderr);
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(stderr()).toContain('WEBHOOK_SECRET is not set');
  });

  it.each(['sources', 'bundle'] as const)(
    'serves signed webhooks against a GitHub Enterprise host and stops on SIGTERM (%s)',
    async (build) => {
      standin = await startGitHubStandin({
        base: readTree(`${SAMPLE}base`),
        head: readTree(`${SAMPLE}head`),
        teams: { security: ['sam-sec'] },
      });
      const secret = randomBytes(16).toString('hex');
      child = startProcess(
        { ...appEnvironment(standin, secret), LOG_LEVEL: 'info', NODE_ENV: 'production' },
        build,
      );
      const stdout = collect(child.stdout);
      const github = standin;
      const port = await github.waitFor(
        () => /"port":(\d+)[^\n]*Posture is listening/.exec(stdout())?.[1],
      );
      const base = `http://127.0.0.1:${port}`;

      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const delivery = await deliverWebhook(
        `${base}/api/github/webhooks`,
        pullRequestEvent('opened', github.target),
        secret,
      );
      expect(delivery.status).toBe(202);
      const run = await github.waitFor(() =>
        github.checkRuns.find((candidate) => candidate.status === 'completed'),
      );
      expect(run.conclusion).toBe('action_required');
      expect(stdout()).not.toContain(secret);
      expect(stdout()).not.toContain('PRIVATE KEY');

      const running = child;
      running.kill('SIGTERM');
      const [code] = (await once(running, 'exit')) as [number];
      expect(code).toBe(0);
    },
  );
});
