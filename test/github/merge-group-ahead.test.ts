/**
 * A merge queue builds each group on the group ahead of it, so a group's head holds every pull
 * request queued before its own, and with the queue's "Only merge non-failing pull requests"
 * turned off GitHub merges them all on the strength of the last group's pass. A group built on a
 * group Posture failed (`merge_group.base_sha`) therefore does not pass, whatever its own pull
 * request's review says.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { RepositoryState } from '../support/github-model/repository-state.js';
import { servePullRequests } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mergeGroupEvent, pullRequestEvent } from '../support/webhook-payloads.js';
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

const failing = pullRequestOf(INSECURE_DOWNLOAD.base, INSECURE_DOWNLOAD.head);
const passing = pullRequestOf(
  { [TASKS]: INSTALL_TASK },
  { [TASKS]: `${INSTALL_TASK}${harmlessTasks(1)}` },
);

describe('a merge group built on a group Posture failed', () => {
  it('does not pass', async () => {
    const repository = new RepositoryState('acme', 'infra', 1296269);
    const first = new FakeGitHub({ fixture: failing, repository, pullNumber: 7 });
    const second = new FakeGitHub({ fixture: passing, repository, pullNumber: 8 });
    servePullRequests([first, second]);
    const probot = await probotUnderTest();
    const target7 = targetFor(failing);
    const target8 = { ...targetFor(passing), pullNumber: 8 };
    await probot.receive(pullRequestEvent('opened', target7));
    await probot.receive(pullRequestEvent('opened', target8, { deliveryId: 'delivery-opened-8' }));

    // Both are queued: #7's group first, then #8's on top of it.
    const groupOf7 = first.addMergeGroupCommit();
    await probot.receive(mergeGroupEvent(target7, groupOf7));
    expect(repository.checkRuns.filter((run) => run.head_sha === groupOf7).at(-1)).toMatchObject({
      conclusion: 'failure',
    });

    const groupOf8 = second.addMergeGroupCommit();
    const event = mergeGroupEvent(target8, groupOf8);
    (event.payload as { merge_group: { base_sha: string } }).merge_group.base_sha = groupOf7;
    await probot.receive(event);

    // #8's group holds #7's insecure download, which Posture failed.
    expect(repository.checkRuns.filter((run) => run.head_sha === groupOf8).at(-1)).toMatchObject({
      conclusion: 'failure',
    });
  });
});
