/**
 * Two replicas sharing one Redis, as `deploy/compose.yml` runs them: deliveries spread across
 * both (and every one delivered twice, to the other replica, as a redelivery), pushes that
 * supersede each other, several installations. Every head ends with exactly one completed run,
 * and no head gets two reviews.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverWebhook } from '../support/deliver-webhook.js';
import {
  appEnvironment,
  startGitHubStandin,
  type GitHubStandin,
  type StandinRepository,
} from '../support/github-standin.js';
import { startPostureProcess, type PostureProcess } from '../support/posture-process.js';
import { readTree } from '../support/pull-request-fixture.js';
import {
  REDIS_SKIP_REASON,
  redisServerInstalled,
  startRedisServer,
  type RunningRedis,
} from '../support/redis-server.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';

const SAMPLE = fileURLToPath(new URL('../../demo/sample-pr/', import.meta.url));
const TASKS = 'roles/webserver/tasks/main.yml';
const PULL_REQUESTS = 10;
const HEADS_PER_PULL_REQUEST = 5;
const secret = randomBytes(16).toString('hex');

let redis: RunningRedis;
let standin: GitHubStandin;
const replicas: PostureProcess[] = [];

const suite = redisServerInstalled ? describe : describe.skip;
if (!redisServerInstalled) console.warn(`skipped the two-replica test: ${REDIS_SKIP_REASON}`);

suite(
  `two replicas on one Redis${redisServerInstalled ? '' : ` (skipped: ${REDIS_SKIP_REASON})`}`,
  { timeout: 240_000 },
  () => {
    beforeAll(async () => {
      redis = await startRedisServer();
      const base = readTree(`${SAMPLE}base`);
      const head = readTree(`${SAMPLE}head`);
      standin = await startGitHubStandin({ base, head, teams: { security: ['sam-sec'] } });
      for (let index = 1; index < PULL_REQUESTS; index += 1)
        standin.addRepository({ owner: `org-${index}`, repo: 'infrastructure', base, head });
      for (const name of ['a', 'b']) {
        replicas.push(
          await startPostureProcess({
            ...appEnvironment(standin, secret),
            REDIS_URL: redis.url,
            DATA_DIR: mkdtempSync(path.join(tmpdir(), `posture-replica-${name}-`)),
          }),
        );
      }
    }, 120_000);

    afterAll(async () => {
      for (const replica of replicas) await replica.stop('SIGTERM');
      await standin?.close();
      await redis?.stop();
    });

    it('100 deliveries, redeliveries included: one completed run per head, no duplicate review', async () => {
      const heads: Array<{ pull: StandinRepository; sha: string }> = [];
      let deliveries = 0;
      const deliver = async (
        pull: StandinRepository,
        action: 'opened' | 'synchronize',
        round: number,
      ) => {
        const event = pullRequestEvent(action, pull.target, {
          deliveryId: `${pull.target.owner}-${round}`,
        });
        for (const replica of [replicas[round % 2], replicas[(round + 1) % 2]]) {
          expect(
            (await deliverWebhook((replica as PostureProcess).webhookUrl, event, secret)).status,
          ).toBe(202);
          deliveries += 1;
        }
      };
      for (let round = 0; round < HEADS_PER_PULL_REQUEST; round += 1) {
        for (const pull of standin.repositories) {
          if (round > 0) {
            const tree = new Map(pull.pullRequest.head);
            tree.set(TASKS, `${tree.get(TASKS) ?? ''}\n# revision ${round}\n`);
            pull.push(tree);
          }
          heads.push({ pull, sha: pull.target.headSha });
          await deliver(pull, round === 0 ? 'opened' : 'synchronize', round);
        }
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      expect(deliveries).toBe(100);

      await standin.waitFor(
        () =>
          heads.every(({ pull, sha }) =>
            pull.checkRuns.some((run) => run.head_sha === sha && run.status === 'completed'),
          ) && standin.checkRuns.every((run) => run.status === 'completed'),
        180_000,
      );
      for (const { pull, sha } of heads) {
        const runs = pull.checkRuns.filter((run) => run.head_sha === sha);
        expect(
          runs.map((run) => run.status),
          `${pull.target.owner} ${sha}`,
        ).toEqual(['completed']);
        expect(
          pull.reviews.filter((review) => review.commit_id === sha).length,
        ).toBeLessThanOrEqual(1);
      }
      // The newest head of every pull request was reviewed, not superseded.
      for (const pull of standin.repositories) {
        expect(pull.checkRuns.find((run) => run.head_sha === pull.target.headSha)?.conclusion).toBe(
          'action_required',
        );
      }
    });
  },
);
