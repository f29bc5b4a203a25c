/**
 * Check runs belong to commits: every pull request of a head shows the latest "Posture" run on
 * it. A second pull request of a head that fails into `main`, opened into a branch whose policy
 * lets everything through, must not turn that head green for the first.
 *
 * The repository has `main`, and `lax` on top of it with a `.security.yml` of `fail_on: none`;
 * the head, on top of `lax`, adds an insecure download. Into `main` it fails; into `lax` its own
 * review passes.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readReviewMarker } from '../../src/report/review-marker.js';
import { FakeGitHub, type StandinCheckRun } from '../support/fake-github.js';
import { RepositoryState } from '../support/github-model/repository-state.js';
import { servePullRequests } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  pullRequestOf,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const LAX_POLICY = { '.security.yml': 'fail_on: none\n' };
const HEAD = { [TASKS]: INSECURE_DOWNLOAD.head[TASKS], ...LAX_POLICY };
const intoMain = pullRequestOf({ [TASKS]: INSTALL_TASK }, HEAD);
const intoLax = pullRequestOf({ [TASKS]: INSTALL_TASK, ...LAX_POLICY }, HEAD);
const HEAD_SHA = intoMain.headSha;
const MAIN_PULL = 7;
const LAX_PULL = 8;
const ASSOCIATED_PULLS = `/repos/acme/infra/commits/${HEAD_SHA}/pulls`;

/** `main`, `lax` on top of it, and the head on top of `lax`. */
function repository(): RepositoryState {
  const state = new RepositoryState('acme', 'infra', 1296269);
  state.history.addCommit(intoMain.baseSha, intoMain.base);
  state.history.addCommit(intoLax.baseSha, intoLax.base, intoMain.baseSha);
  state.history.addCommit(HEAD_SHA, intoLax.head, intoLax.baseSha);
  return state;
}

/** Both pull requests of the head, open. */
async function twoPullRequests() {
  expect(intoLax.headSha).toBe(HEAD_SHA);
  const state = repository();
  const main = new FakeGitHub({ fixture: intoMain, repository: state, pullNumber: MAIN_PULL });
  const lax = new FakeGitHub({
    fixture: intoLax,
    repository: state,
    pullNumber: LAX_PULL,
    baseRef: 'lax',
  });
  const paths: string[] = [];
  servePullRequests([main, lax], (path) => paths.push(path));
  const probot = await probotUnderTest();
  const review = async (pull: FakeGitHub, action: 'opened' | 'synchronize', delivery: string) => {
    await probot.receive(
      pullRequestEvent(
        action,
        { ...targetFor(pull.fixture), pullNumber: pull.pullNumber },
        { deliveryId: delivery },
      ),
    );
    return lastRun(main.checkRuns);
  };
  return { main, lax, paths, review };
}

function lastRun(runs: readonly StandinCheckRun[]): StandinCheckRun {
  const run = runs.filter((candidate) => candidate.head_sha === HEAD_SHA).at(-1);
  if (!run || run.status !== 'completed') throw new Error('no completed run on the head');
  return run;
}

function ownVerdict(run: StandinCheckRun): string | undefined {
  return readReviewMarker(run.output.summary, HEAD_SHA)?.own;
}

describe('two open pull requests of one head', () => {
  it('a review into a lax branch concludes no better than the failing one into main', async () => {
    const { main, lax, paths, review } = await twoPullRequests();
    const first = await review(main, 'opened', 'delivery-main');
    expect(first.conclusion).toBe('failure');
    expect(ownVerdict(first)).toBe('failure');
    expect(paths).not.toContain(ASSOCIATED_PULLS);

    const second = await review(lax, 'opened', 'delivery-lax');
    expect(second.id).not.toBe(first.id);
    expect(second.conclusion).toBe('failure');
    expect(ownVerdict(second)).toBe('success');
    expect(readReviewMarker(second.output.summary, HEAD_SHA)?.baseSha).toBe(intoLax.baseSha);
    expect(second.output.title).toMatch(/^Pull request #7 of the same commit concluded failure; /);
    expect(second.output.summary).toContain(
      'Pull request #7 has the same head commit, into `main`, and its review concluded failure.',
    );
    expect(second.output.summary).toContain(
      'A commit has one Posture check for every pull request of it, so this run concludes the worst of them.',
    );
    expect(paths.filter((path) => path === ASSOCIATED_PULLS)).toHaveLength(1);
  });

  it('the review into main fails after the lax one passed, and the lax one stays red on a later event', async () => {
    const { main, lax, review } = await twoPullRequests();
    const first = await review(lax, 'opened', 'delivery-lax');
    expect(first.conclusion).toBe('success');

    const second = await review(main, 'opened', 'delivery-main');
    expect(second.conclusion).toBe('failure');
    expect(ownVerdict(second)).toBe('failure');
    // Its own review failed: nothing else to say.
    expect(second.output.summary).not.toContain('has the same head commit');

    // The lax pull request's latest review is no longer the head's latest run: it is reviewed
    // again, and combines with the one into main.
    const third = await review(lax, 'synchronize', 'delivery-lax-again');
    expect(third.id).not.toBe(second.id);
    expect(third.conclusion).toBe('failure');
    expect(ownVerdict(third)).toBe('success');
    expect(third.output.summary).toContain('Pull request #7 has the same head commit');
  });

  it('a closed pull request of the head does not count', async () => {
    const { main, lax, paths, review } = await twoPullRequests();
    expect((await review(main, 'opened', 'delivery-main')).conclusion).toBe('failure');
    main.state = 'closed';

    const run = await review(lax, 'opened', 'delivery-lax');
    expect(paths.filter((path) => path === ASSOCIATED_PULLS)).toHaveLength(1);
    expect(run.conclusion).toBe('success');
    expect(ownVerdict(run)).toBe('success');
    expect(run.output.summary).not.toContain('has the same head commit');
  });
});

describe('one pull request per head', () => {
  it('asks GitHub for no other pull request of the head', async () => {
    const { main, paths, review } = await twoPullRequests();
    const first = await review(main, 'opened', 'delivery-main');
    const again = await review(main, 'synchronize', 'delivery-main-again');
    expect(again.id).toBe(first.id);
    expect(first.conclusion).toBe('failure');
    expect(ownVerdict(first)).toBe('failure');
    expect(paths).not.toContain(ASSOCIATED_PULLS);
  });
});
