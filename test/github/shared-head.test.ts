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
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readReviewMarker } from '../../src/report/review-marker.js';
import type { AnalyzeFunction } from '../../src/review/evaluate-change.js';
import { FakeGitHub, type FakeResponse, type StandinCheckRun } from '../support/fake-github.js';
import { heldAnalysis } from '../support/held-analysis.js';
import { RepositoryState } from '../support/github-model/repository-state.js';
import { servePullRequests } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent, pullRequestReviewEvent } from '../support/webhook-payloads.js';
import {
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  pullRequestOf,
  SECURITY_ROUTING,
  SECURITY_TEAM,
  SELINUX_OFF,
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

interface TwoPullRequestsOptions {
  analyze?: AnalyzeFunction;
  maxAttempts?: number;
  /** answers a request instead of the fake (a fault) */
  fault?: (method: string, path: string) => FakeResponse | undefined;
}

/** Both pull requests of the head, open. */
async function twoPullRequests(options: TwoPullRequestsOptions = {}) {
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
  servePullRequests([main, lax], (path) => paths.push(path), options.fault);
  const probot = await probotUnderTest({
    ...(options.analyze ? { analyze: options.analyze } : {}),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
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
  const deliver = (pull: FakeGitHub, delivery: string) =>
    probot.receive(
      pullRequestEvent(
        'opened',
        { ...targetFor(pull.fixture), pullNumber: pull.pullNumber },
        { deliveryId: delivery },
      ),
    );
  return { main, lax, paths, review, deliver };
}

function runsOnHead(pull: FakeGitHub): StandinCheckRun[] {
  return pull.checkRuns.filter((run) => run.head_sha === HEAD_SHA);
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

  it('reviews that overlap leave the head no greener than the review into main', async () => {
    // The review into main opens its run first and waits in its analysis while the review into
    // lax opens a later run, the one GitHub shows both pull requests, and passes on its own.
    const analysis = heldAnalysis();
    const { main, lax, deliver, review } = await twoPullRequests({ analyze: analysis.analyze });
    const mainHeld = analysis.hold();
    const intoMainDone = deliver(main, 'delivery-main');
    await mainHeld.arrived;
    analysis.stopHolding();
    const intoLaxDone = deliver(lax, 'delivery-lax');
    await vi.waitFor(() => expect(runsOnHead(main).at(-1)?.conclusion).toBe('success'));
    mainHeld.release();
    await Promise.all([intoMainDone, intoLaxDone]);

    // The review into main completed last, saw the lax run shown, and published again.
    expect(runsOnHead(main).map((run) => run.conclusion)).toEqual([
      'failure',
      'success',
      'failure',
    ]);
    const shown = lastRun(main.checkRuns);
    expect(ownVerdict(shown)).toBe('failure');
    expect(readReviewMarker(shown.output.summary, HEAD_SHA)?.baseSha).toBe(intoMain.baseSha);

    // A later event of the lax pull request finds the run shown combining both reviews.
    const again = await review(lax, 'synchronize', 'delivery-lax-again');
    expect(again.conclusion).toBe('failure');
    expect(ownVerdict(again)).toBe('success');
  });

  it('a review that cannot read the runs again is tried again and corrects the run shown', async () => {
    // Main's run opens first and completes while the review into lax, opened later, waits; the
    // lax review passes without main's verdict, then fails to read the head's runs again.
    let runListings = 0;
    const analysis = heldAnalysis();
    const { main, lax, deliver } = await twoPullRequests({
      analyze: analysis.analyze,
      maxAttempts: 2,
      fault: (method, path) =>
        method === 'GET' && path.includes(`/commits/${HEAD_SHA}/check-runs`) && ++runListings === 4
          ? { status: 502, body: { message: 'Bad Gateway' } }
          : undefined,
    });
    const mainHeld = analysis.hold();
    const intoMainDone = deliver(main, 'delivery-main');
    await mainHeld.arrived;
    const laxHeld = analysis.hold();
    const intoLaxDone = deliver(lax, 'delivery-lax');
    await laxHeld.arrived;
    analysis.stopHolding();
    mainHeld.release();
    await vi.waitFor(() => expect(runsOnHead(main)[0]?.conclusion).toBe('failure'));
    laxHeld.release();
    await Promise.all([intoMainDone, intoLaxDone]);

    expect(runListings).toBeGreaterThan(4);
    const runs = runsOnHead(main);
    expect(runs.map((run) => run.conclusion)).toEqual(['failure', 'success', 'failure']);
    // The lax run keeps its review: the failure after it touched it not.
    expect(ownVerdict(runs[1] as StandinCheckRun)).toBe('success');
    const shown = lastRun(main.checkRuns);
    expect(ownVerdict(shown)).toBe('success');
    expect(readReviewMarker(shown.output.summary, HEAD_SHA)?.baseSha).toBe(intoLax.baseSha);
    expect(shown.output.summary).toContain('Pull request #7 has the same head commit');
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

describe('a sign-off withdrawn on one pull request of a head while another is being reviewed', () => {
  it('is not skipped: the head does not stay green on the withdrawn sign-off', async () => {
    // Into main, turning SELinux off needs a security reviewer; into lax, anything passes.
    const head = { [TASKS]: SELINUX_OFF, ...LAX_POLICY };
    const routedIntoMain = pullRequestOf({ [TASKS]: INSTALL_TASK }, head);
    const intoLaxBranch = pullRequestOf({ [TASKS]: INSTALL_TASK, ...LAX_POLICY }, head);
    const headSha = routedIntoMain.headSha;
    expect(intoLaxBranch.headSha).toBe(headSha);
    const state = new RepositoryState('acme', 'infra', 1296269);
    state.history.addCommit(routedIntoMain.baseSha, routedIntoMain.base);
    state.history.addCommit(intoLaxBranch.baseSha, intoLaxBranch.base, routedIntoMain.baseSha);
    state.history.addCommit(headSha, intoLaxBranch.head, intoLaxBranch.baseSha);
    const main = new FakeGitHub({
      fixture: routedIntoMain,
      repository: state,
      pullNumber: MAIN_PULL,
      policy: { base: SECURITY_ROUTING },
      teams: SECURITY_TEAM,
    });
    const lax = new FakeGitHub({
      fixture: intoLaxBranch,
      repository: state,
      pullNumber: LAX_PULL,
      baseRef: 'lax',
    });
    servePullRequests([main, lax]);
    const analysis = heldAnalysis();
    const probot = await probotUnderTest({ analyze: analysis.analyze });
    const mainTarget = { ...targetFor(routedIntoMain), pullNumber: MAIN_PULL };
    const shown = () => main.checkRuns.filter((run) => run.head_sha === headSha).at(-1);

    await probot.receive(pullRequestEvent('opened', mainTarget));
    expect(shown()?.conclusion).toBe('action_required');
    main.submitReview('sam-sec', 'APPROVED');
    await probot.receive(
      pullRequestReviewEvent('submitted', mainTarget, { reviewer: 'sam-sec', state: 'approved' }),
    );
    expect(shown()?.conclusion).toBe('success');

    // The pull request into lax is opened; its review waits while its run is the latest.
    const laxHeld = analysis.hold();
    const intoLaxDone = probot.receive(
      pullRequestEvent(
        'opened',
        { ...targetFor(intoLaxBranch), pullNumber: LAX_PULL },
        { deliveryId: 'delivery-lax' },
      ),
    );
    await laxHeld.arrived;
    analysis.stopHolding();
    expect(shown()?.status).toBe('in_progress');

    // sam-sec withdraws the approval on the pull request into main.
    main.dismissReviews('sam-sec');
    const dismissalDone = probot.receive(
      pullRequestReviewEvent('dismissed', mainTarget, { reviewer: 'sam-sec', state: 'dismissed' }),
    );
    await vi.waitFor(() => expect(shown()?.conclusion).toBe('action_required'));
    laxHeld.release();
    await Promise.all([intoLaxDone, dismissalDone]);

    expect(shown()?.conclusion).toBe('action_required');
    expect(readReviewMarker(shown()?.output.summary ?? '', headSha)?.baseSha).toBe(
      routedIntoMain.baseSha,
    );
  });
});
