/**
 * A review judges a head against a base: the change is the difference between the two, and the
 * policy is the base's. The same head against another base is another review: after the pull
 * request moves to another branch, for a second pull request of the same head, and for a merge
 * group, which may only rest on a review against the pull request's base as it is now.
 *
 * The repository has `main`, and a branch `lax` on top of it that already holds an insecure
 * download; the pull request's head adds a harmless task on top of `lax`. Against `lax` it adds
 * no finding (success); against `main` it adds the download (failure).
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readReviewMarker } from '../../src/report/review-marker.js';
import { FakeGitHub, type StandinCheckRun } from '../support/fake-github.js';
import { RepositoryState } from '../support/github-model/repository-state.js';
import { servePullRequests } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import {
  mergeGroupEvent,
  pullRequestEditedEvent,
  pullRequestEvent,
  type WebhookEvent,
} from '../support/webhook-payloads.js';
import {
  harmlessTasks,
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  pullRequestOf,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const DOWNLOAD = INSECURE_DOWNLOAD.head[TASKS];
const HEAD = { [TASKS]: `${DOWNLOAD}${harmlessTasks(1)}` };
const againstLax = pullRequestOf({ [TASKS]: DOWNLOAD }, HEAD);
const againstMain = pullRequestOf({ [TASKS]: INSTALL_TASK }, HEAD);
/** One head commit, whichever base it is compared with. */
const HEAD_SHA = againstMain.headSha;

/** `main`, then `lax` on top of it; pull requests add their heads. */
function repositoryWithBranches(): RepositoryState {
  const repository = new RepositoryState('acme', 'infra', 1296269);
  repository.history.addCommit(againstMain.baseSha, againstMain.base);
  repository.history.addCommit(againstLax.baseSha, againstLax.base, againstMain.baseSha);
  return repository;
}

const movedFromLax = {
  base: { ref: { from: 'lax' }, sha: { from: againstLax.baseSha } },
};

function runsOn(pull: FakeGitHub, headSha: string): StandinCheckRun[] {
  return pull.checkRuns.filter((run) => run.head_sha === headSha);
}

function baseOf(run: StandinCheckRun | undefined): string | undefined {
  return readReviewMarker(run?.output.summary, run?.head_sha ?? '')?.baseSha;
}

async function openedAgainstLax() {
  const repository = repositoryWithBranches();
  const pull = new FakeGitHub({ fixture: againstLax, repository });
  servePullRequests([pull]);
  const probot = await probotUnderTest();
  await probot.receive(pullRequestEvent('opened', targetFor(againstLax)));
  expect(againstLax.headSha).toBe(HEAD_SHA);
  const [run] = runsOn(pull, HEAD_SHA);
  expect(run).toMatchObject({
    conclusion: 'success',
    output: { title: 'No new findings, 3 existing' },
  });
  expect(baseOf(run)).toBe(againstLax.baseSha);
  return { repository, pull, probot };
}

describe('a pull request moved to another base branch', () => {
  it('is reviewed again against the new base, with its verdict; a title edit changes nothing', async () => {
    const { pull, probot } = await openedAgainstLax();

    await probot.receive(
      pullRequestEditedEvent(targetFor(againstLax), { title: { from: 'Wip' } }, 'delivery-title'),
    );
    expect(runsOn(pull, HEAD_SHA)).toHaveLength(1);

    pull.push(againstMain);
    await probot.receive(
      pullRequestEditedEvent(targetFor(againstMain), movedFromLax, 'delivery-base'),
    );

    const runs = runsOn(pull, HEAD_SHA);
    expect(runs).toHaveLength(2);
    expect(runs.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(runs.at(-1)?.output.title).toBe('1 high, 2 medium findings');
    expect(baseOf(runs.at(-1))).toBe(againstMain.baseSha);
  });

  it('is reviewed again when reopened, even if the edit never reached Posture', async () => {
    const { pull, probot } = await openedAgainstLax();

    pull.push(againstMain);
    await probot.receive(pullRequestEvent('reopened', targetFor(againstMain)));

    const runs = runsOn(pull, HEAD_SHA);
    expect(runs).toHaveLength(2);
    expect(runs.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(baseOf(runs.at(-1))).toBe(againstMain.baseSha);
  });
});

describe('a second pull request of the same head against another base', () => {
  it('gets a review of its own, against its own base', async () => {
    const { repository, pull, probot } = await openedAgainstLax();
    const second = new FakeGitHub({ fixture: againstMain, repository, pullNumber: 8 });
    nock.cleanAll();
    servePullRequests([pull, second]);

    await probot.receive(
      pullRequestEvent(
        'opened',
        { ...targetFor(againstMain), pullNumber: 8 },
        { deliveryId: 'delivery-opened-8' },
      ),
    );

    const runs = runsOn(pull, HEAD_SHA);
    expect(runs).toHaveLength(2);
    expect(runs.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(baseOf(runs.at(-1))).toBe(againstMain.baseSha);
  });
});

describe('a merge group', () => {
  async function checkGroup(
    pull: FakeGitHub,
    probot: { receive(event: WebhookEvent): Promise<void> },
    branch = 'main',
  ) {
    const group = pull.addMergeGroupCommit();
    const event = mergeGroupEvent(targetFor(pull.fixture), group);
    const payload = event.payload as { merge_group: { head_ref: string } };
    payload.merge_group.head_ref = payload.merge_group.head_ref.replace(
      '/gh-readonly-queue/main/',
      `/gh-readonly-queue/${branch}/`,
    );
    await probot.receive(event);
    const [run] = runsOn(pull, group);
    if (!run) throw new Error('no run on the group');
    return run;
  }

  it('passes only on a review of the pull request against its base as it is now, for its own branch', async () => {
    const { pull, probot } = await openedAgainstLax();
    expect(await checkGroup(pull, probot)).toMatchObject({ conclusion: 'success' });

    const elsewhere = await checkGroup(pull, probot, 'release');
    expect(elsewhere).toMatchObject({ conclusion: 'failure' });
    expect(elsewhere.output.summary).toContain('is for `main` now');

    // GitHub moved the base; no review of the head against it yet.
    pull.push(againstMain);
    const moved = await checkGroup(pull, probot);
    expect(moved).toMatchObject({ conclusion: 'failure' });
    expect(moved.output.summary).toContain(
      `compared it with \`${againstLax.baseSha.slice(0, 7)}\`, not with the pull request's base \`${againstMain.baseSha.slice(0, 7)}\``,
    );
  });
});
