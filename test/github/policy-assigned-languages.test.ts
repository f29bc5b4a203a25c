/**
 * A changed file Posture would not read by its path (YAML under `compose/`, which it takes for a
 * Docker Compose folder) that the policy's `paths.languages` reads as Ansible: the CLI analyses
 * it, and so must a review, or a required check passes a change no one judged.
 */
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StandinCheckRun } from '../support/github-model/types.js';
import { mockGitHubApi, type MockedGitHub } from '../support/mock-github-api.js';
import { probotUnderTest } from '../support/probot-under-test.js';
import { pullRequestEvent } from '../support/webhook-payloads.js';
import { INSTALL_TASK, pullRequestOf, targetFor } from './pull-requests.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

const PLAYBOOK = 'compose/deploy.yml';

const POLICY = `paths:
  languages:
    ansible: ['compose/**']
`;

const INSECURE_PLAY = `---
- hosts: app
  tasks:
    - name: Fetch the agent
      ansible.builtin.get_url:
        url: http://example.com/agent
        dest: /usr/local/bin/agent
        validate_certs: false
`;

async function review(
  baseFiles: Record<string, string>,
): Promise<{ github: MockedGitHub; run: StandinCheckRun }> {
  const fixture = pullRequestOf(
    { ...baseFiles, [PLAYBOOK]: INSTALL_TASK },
    { ...baseFiles, [PLAYBOOK]: INSECURE_PLAY },
  );
  const target = targetFor(fixture);
  const github = mockGitHubApi({ fixture, target });
  await (await probotUnderTest()).receive(pullRequestEvent('opened', target));
  const run = github.github.checkRuns.at(-1);
  if (!run) throw new Error('no check run');
  return { github, run };
}

describe('a file the policy gives a language its path does not', () => {
  it('is read in a second round of the content query and judged', async () => {
    const { github, run } = await review({ '.security.yml': POLICY });

    expect(run.conclusion).toBe('failure');
    expect(run.annotations.map((annotation) => annotation.path)).toContain(PLAYBOOK);
    expect(github.graphqlOperations().filter((name) => name === 'PostureBlobs')).toHaveLength(2);
  });

  it('is left alone, at no extra cost, when the policy says nothing of it', async () => {
    const { github, run } = await review({});

    expect(run.conclusion).toBe('success');
    expect(github.graphqlOperations().filter((name) => name === 'PostureBlobs')).toHaveLength(1);
  });
});
