/**
 * "Accept risk" accepts what the security reviewer was shown. The job reviews the pull request as
 * GitHub has it now, so a click on a run that compared the head with another base (the pull
 * request moved since, or the run is another pull request's) is refused on that run, and turns
 * nothing green.
 *
 * The repository has `main`, and `lax` on top of it, which already holds an insecure download.
 * The head turns SELinux off on top of `lax`: against `lax` one routed finding; against `main`
 * the download's findings as well.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { RepositoryState } from '../support/github-model/repository-state.js';
import { servePullRequests } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import {
  pullRequestEditedEvent,
  pullRequestEvent,
  requestedActionEvent,
} from '../support/webhook-payloads.js';
import {
  INSECURE_DOWNLOAD,
  INSTALL_TASK,
  lastRun,
  pullRequestOf,
  SECURITY_ROUTING,
  SELINUX_OFF,
  targetFor,
  TASKS,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const DOWNLOAD = INSECURE_DOWNLOAD.head[TASKS];
const HEAD = { [TASKS]: `${DOWNLOAD}${SELINUX_OFF.slice(INSTALL_TASK.length)}` };
const againstLax = pullRequestOf({ [TASKS]: DOWNLOAD }, HEAD);
const againstMain = pullRequestOf({ [TASKS]: INSTALL_TASK }, HEAD);

describe('"Accept risk" clicked on a run of another base', () => {
  it('does not accept findings the clicked run never showed', async () => {
    const repository = new RepositoryState('acme', 'infra', 1296269);
    repository.history.addCommit(againstMain.baseSha, againstMain.base);
    repository.history.addCommit(againstLax.baseSha, againstLax.base, againstMain.baseSha);
    const pull = new FakeGitHub({
      fixture: againstLax,
      repository,
      baseRef: 'lax',
      policy: { base: SECURITY_ROUTING },
      teams: { security: ['sam-sec'] },
    });
    servePullRequests([pull]);
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', targetFor(againstLax)));
    const shown = lastRun(pull.checkRuns);
    expect(shown).toMatchObject({ conclusion: 'action_required' });
    expect(shown.output.title).toBe('Security review needed: 1 high finding, 3 existing');

    // The author moves the pull request to `main` while sam-sec clicks on the run they read.
    pull.moveBase(againstMain, 'main');
    await probot.receive(
      requestedActionEvent(targetFor(againstLax), {
        sender: 'sam-sec',
        identifier: 'accept-risk',
        checkRun: { id: shown.id, output: shown.output },
      }),
    );
    await probot.receive(
      pullRequestEditedEvent(
        targetFor(againstMain),
        { base: { ref: { from: 'lax' }, sha: { from: againstLax.baseSha } } },
        'delivery-moved',
      ),
    );

    // The download's findings against `main` were never on the run sam-sec accepted.
    const now = lastRun(pull.checkRuns);
    expect(now.head_sha).toBe(againstMain.headSha);
    expect(now.conclusion).not.toBe('success');
    expect(shown.output.summary).toMatch(/Accept risk refused/);
  });
});
