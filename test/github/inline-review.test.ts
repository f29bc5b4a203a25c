import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { probotUnderTest } from '../support/probot-under-test.js';
import { mockGitHubApi } from '../support/mock-github-api.js';
import { buildPullRequest } from '../support/pull-request-fixture.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import {
  INSTALL_TASK,
  lineOf,
  pullRequestOf,
  targetFor,
  TASKS,
  worldWritableTasks,
} from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const FILLER = Array.from(
  { length: 12 },
  (_, index) => `- name: Step ${index}\n  ansible.builtin.debug:\n    msg: step ${index}\n`,
).join('');

/** An old plain-HTTP download far above the change, an old one right next to it, and a new world-writable directory. */
const BASE_TASKS = `---
- name: Old download, far from the change
  ansible.builtin.get_url:
    url: http://far.example.com/tool.tar.gz
    dest: /opt/tool.tar.gz
    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
${FILLER}- name: Old download, next to the change
  ansible.builtin.get_url:
    url: http://near.example.com/tool.tar.gz
    dest: /opt/near.tar.gz
    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
`;
const HEAD_TASKS = `${BASE_TASKS}- name: New upload directory
  ansible.builtin.file:
    path: /srv/uploads
    state: directory
    mode: '0777'
`;

interface ReviewBody {
  commit_id: string;
  event: string;
  body: string;
  comments: { path: string; line: number; side: string; start_line?: number; body: string }[];
}

describe('the inline review', () => {
  it('comments only on added lines; findings on context lines or outside the hunks stay in the check run', async () => {
    const fixture = pullRequestOf({ [TASKS]: BASE_TASKS }, { [TASKS]: HEAD_TASKS });
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const newLine = lineOf(HEAD_TASKS, "mode: '0777'");
    const nearLine = lineOf(HEAD_TASKS, 'http://near.example.com');
    const farLine = lineOf(HEAD_TASKS, 'http://far.example.com');
    const hunks = fixture.hunks.get(TASKS) ?? [];
    expect(hunks.some((hunk) => nearLine >= hunk.start && nearLine <= hunk.end)).toBe(true);
    expect(hunks.some((hunk) => farLine >= hunk.start && farLine <= hunk.end)).toBe(false);

    const reviews = github.reviews().map((call) => call.body as unknown as ReviewBody);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ commit_id: fixture.headSha, event: 'COMMENT' });
    expect(
      reviews[0]?.comments.map((comment) => [comment.path, comment.line, comment.side]),
    ).toEqual([[TASKS, newLine, 'RIGHT']]);
    expect(reviews[0]?.comments[0]?.body).toMatch(/<!-- posture:fingerprint=[0-9a-f]{64}:1 -->$/);
    expect(reviews[0]?.comments[0]?.body).toContain("```suggestion\n    mode: '0755'\n```");

    // The two old downloads were there before: annotated as notices, listed as existing, not new.
    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { annotations: { start_line: number; annotation_level: string }[]; summary: string };
    };
    const levels = completion.output.annotations
      .map((annotation) => `${annotation.start_line} ${annotation.annotation_level}`)
      .sort();
    expect(levels).toEqual(
      [`${farLine} notice`, `${nearLine} notice`, `${newLine} failure`].sort(),
    );
    const [newSection = '', existingSection = ''] = completion.output.summary.split(
      '### Findings already on the base branch',
    );
    expect(newSection).toContain(`\`${TASKS}:${newLine}\``);
    expect(newSection).not.toContain(`\`${TASKS}:${farLine}\``);
    expect(existingSection).toContain(
      '2 findings in the changed files that this pull request did not add; they do not count towards the verdict',
    );
    expect(existingSection).toContain(`\`${TASKS}:${farLine}\``);
  });

  it('posts no review at all when no finding is on an added line', async () => {
    const head = BASE_TASKS.replace('dest: /opt/near.tar.gz', 'dest: /opt/near-tool.tar.gz');
    const fixture = pullRequestOf({ [TASKS]: BASE_TASKS }, { [TASKS]: head });
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    expect(github.reviews()).toHaveLength(0);
    const completion = github.checkRunUpdates().at(-1)?.body as {
      status: string;
      conclusion: string;
      output: { summary: string };
    };
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(completion.output.summary).toContain('so there are no inline comments');
  });

  it('tries a refused review once more with one-line comments on added lines, then completes the run', async () => {
    const fixture = pullRequestOf({ [TASKS]: BASE_TASKS }, { [TASKS]: HEAD_TASKS });
    const target = targetFor(fixture);
    const github = mockGitHubApi({
      fixture,
      target,
      fail: {
        createReview: {
          status: 422,
          message: 'Pull request review thread line must be part of the diff',
        },
      },
    });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const [first, second] = github.reviews();
    expect(github.reviews()).toHaveLength(2);
    const secondComments = (second?.body.comments ?? []) as Array<{ start_line?: number }>;
    expect(secondComments.length).toBeGreaterThan(0);
    expect(secondComments.length).toBeLessThanOrEqual((first?.body.comments as unknown[]).length);
    expect(secondComments.every((comment) => comment.start_line === undefined)).toBe(true);
    const completion = github.checkRunUpdates().at(-1)?.body as {
      status: string;
      conclusion: string;
      output: { summary: string };
    };
    expect(completion).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completion.output.summary).toContain('GitHub did not accept the inline review');
    expect(completion.output.summary).toContain('refused the review twice');
  });

  it('caps a review at 30 comments, most severe first, and says how many more are in the check run', async () => {
    const newFile = `${worldWritableTasks(35)}- name: Fetch over plain HTTP
  ansible.builtin.get_url:
    url: http://example.com/tool.tar.gz
    dest: /opt/tool.tar.gz
    checksum: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
`;
    const fixture = pullRequestOf(
      { [TASKS]: INSTALL_TASK },
      { [TASKS]: INSTALL_TASK, 'roles/web/tasks/dirs.yml': newFile },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    const review = github.reviews()[0]?.body as unknown as ReviewBody;
    expect(review.comments).toHaveLength(30);
    expect(review.comments.every((comment) => comment.body.startsWith('**🟧 High**'))).toBe(true);
    const lines = review.comments.map((comment) => comment.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(review.body).toContain('Posture left 30 comments');
    expect(review.body).toContain('6 more findings are listed in the **Posture** check run');
  });

  it('does not comment inline on a file whose patch GitHub omitted, but still annotates it', async () => {
    const fixture = buildPullRequest(
      new Map([[TASKS, BASE_TASKS]]),
      new Map([[TASKS, HEAD_TASKS]]),
      { omitPatchFor: [TASKS] },
    );
    const target = targetFor(fixture);
    const github = mockGitHubApi({ fixture, target });
    const probot = await probotUnderTest();

    await probot.receive(pullRequestEvent('opened', target));

    expect(github.reviews()).toHaveLength(0);
    const completion = github.checkRunUpdates().at(-1)?.body as {
      conclusion: string;
      output: { annotations: unknown[]; summary: string };
    };
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.annotations).toHaveLength(3);
    expect(completion.output.summary).not.toContain('(unchanged line)');
  });
});
