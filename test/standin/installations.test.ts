/**
 * The stand-in serves several repositories owned by different installations: each installation
 * token sees its own installation's repositories and nothing else, as GitHub answers a token for
 * a repository it cannot see (404 over REST, NOT_FOUND over GraphQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signAppJwt,
  startGitHubStandin,
  type GitHubStandin,
  type StandinRepository,
} from '../support/github-standin.js';
import { graphql, installationToken, rest } from './standin-client.js';

const TASKS = 'roles/web/tasks/main.yml';
const base = new Map([[TASKS, '---\n- name: a\n']]);
const head = new Map([[TASKS, '---\n- name: b\n']]);

let standin: GitHubStandin;
let globex: StandinRepository;
let globexSecond: StandinRepository;

beforeAll(async () => {
  standin = await startGitHubStandin({ base, head, teams: { security: ['sam-sec'] } });
  globex = standin.addRepository({
    owner: 'globex',
    repo: 'platform',
    base,
    head: new Map([[TASKS, '---\n- name: c\n']]),
    teams: { security: ['gil'] },
  });
  globexSecond = standin.addRepository({
    owner: 'globex',
    repo: 'platform',
    base,
    head: new Map([[TASKS, '---\n- name: d\n']]),
  });
});

afterAll(async () => {
  await standin?.close();
});

describe('repositories and installations', () => {
  it('places each repository in its owner’s installation, with its own pull requests', () => {
    expect(
      standin.repositories.map((repository) => [
        repository.target.owner,
        repository.target.repo,
        repository.target.pullNumber,
        repository.installationId,
      ]),
    ).toEqual([
      ['posture-demo', 'infrastructure', 42, 777],
      ['globex', 'platform', 1, 778],
      ['globex', 'platform', 2, 778],
    ]);
    expect(globex.target.repositoryId).toBe(globexSecond.target.repositoryId);
    expect(() =>
      standin.addRepository({ owner: 'initech', repo: 'ops', base, head, installationId: 778 }),
    ).toThrow(/installation 778 is on globex/);
  });

  it('issues tokens per installation to a signed app JWT only', async () => {
    const jwt = signAppJwt(standin.privateKey, standin.appId);
    const ask = (installation: number, authorization: string) =>
      fetch(`${standin.apiUrl}/app/installations/${installation}/access_tokens`, {
        method: 'POST',
        headers: { authorization },
      }).then(async (response) => ({ status: response.status, body: await response.json() }));

    expect(await ask(778, `Bearer ${jwt}`)).toMatchObject({
      status: 201,
      body: { token: expect.stringMatching(/^ghs_/) as unknown, repository_selection: 'all' },
    });
    expect(await ask(999, `Bearer ${jwt}`)).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    });
    expect(
      await ask(778, `Bearer ${signAppJwt(standin.privateKey, standin.appId + 1)}`),
    ).toMatchObject({ status: 401 });
    expect(await ask(778, 'Bearer not.a.jwt')).toMatchObject({
      status: 401,
      body: { message: 'A JSON web token could not be decoded' },
    });
  });

  it('answers 404 to a token of another installation, and to a repository nobody has', async () => {
    const demoToken = await installationToken(standin, 777);
    const globexToken = await installationToken(standin, 778);

    expect(
      (await rest(standin, globexToken, 'GET', '/repos/globex/platform/pulls/2')).body,
    ).toMatchObject({
      number: 2,
      head: { sha: globexSecond.target.headSha },
      base: { sha: globexSecond.target.baseSha },
    });
    expect(await rest(standin, demoToken, 'GET', '/repos/globex/platform/pulls/2')).toMatchObject({
      status: 404,
      body: { message: 'Not Found' },
    });
    expect(
      await rest(
        standin,
        globexToken,
        'GET',
        `/repos/posture-demo/infrastructure/git/trees/${standin.target.headSha}`,
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await rest(standin, globexToken, 'GET', '/repos/globex/nothing-here/pulls/1'),
    ).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect(await rest(standin, globexToken, 'GET', '/repos/globex/platform/pulls/3')).toMatchObject(
      { status: 404 },
    );
    expect(
      await rest(standin, 'ghs_made_up', 'GET', '/repos/globex/platform/pulls/1'),
    ).toMatchObject({ status: 401, body: { message: 'Bad credentials' } });
  });

  it('keeps check runs, ids and team memberships per repository and org', async () => {
    const globexToken = await installationToken(standin, 778);
    const created = await rest(standin, globexToken, 'POST', '/repos/globex/platform/check-runs', {
      name: 'Posture',
      head_sha: globex.target.headSha,
      external_id: 'pr-1',
    });
    expect(created.status).toBe(201);
    expect(globex.checkRuns).toHaveLength(1);
    expect(globexSecond.checkRuns).toBe(globex.checkRuns);
    expect(standin.checkRuns).toHaveLength(0);
    const id = (created.body as { id: number }).id;
    expect(
      (
        await rest(
          standin,
          await installationToken(standin, 777),
          'PATCH',
          `/repos/posture-demo/infrastructure/check-runs/${id}`,
          { status: 'completed', conclusion: 'success' },
        )
      ).status,
    ).toBe(404);

    expect(
      (await rest(standin, globexToken, 'GET', '/orgs/globex/teams/security/memberships/gil'))
        .status,
    ).toBe(200);
    expect(
      (await rest(standin, globexToken, 'GET', '/orgs/globex/teams/security/memberships/sam-sec'))
        .status,
    ).toBe(404);
    expect(
      (
        await rest(
          standin,
          globexToken,
          'GET',
          '/orgs/posture-demo/teams/security/memberships/sam-sec',
        )
      ).status,
    ).toBe(404);
  });

  it('answers GraphQL for another installation’s repository with NOT_FOUND and null', async () => {
    const globexToken = await installationToken(standin, 778);
    const query = `query Heads {
  mine: repository(owner: "globex", name: "platform") { pullRequest(number: 1) { headRefOid } }
  theirs: repository(owner: "posture-demo", name: "infrastructure") { pullRequest(number: 42) { headRefOid } }
}`;
    const { status, body } = await graphql(standin, globexToken, query);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { mine: { pullRequest: { headRefOid: globex.target.headSha } }, theirs: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['theirs'],
          locations: [{ line: 3, column: 3 }],
          message: "Could not resolve to a Repository with the name 'posture-demo/infrastructure'.",
        },
      ],
    });
    expect(standin.requests.at(-1)).toMatchObject({
      operation: 'Heads',
      installationId: 778,
      status: 200,
    });
  });

  it('caps per_page at 100 and links the next page on the stand-in’s own URL', async () => {
    const many = new Map(
      Array.from({ length: 130 }, (_, index) => [
        `roles/r${index}/tasks/main.yml`,
        `---\n- name: task ${index}\n`,
      ]),
    );
    const big = standin.addRepository({
      owner: 'initech',
      repo: 'ops',
      base: new Map(),
      head: many,
    });
    const token = await installationToken(standin, big.installationId);
    const page = await rest(
      standin,
      token,
      'GET',
      `/repos/initech/ops/pulls/${big.target.pullNumber}/files?per_page=250`,
    );
    expect((page.body as unknown[]).length).toBe(100);
    expect(page.headers.get('link')).toBe(
      `<${standin.apiUrl}/repos/initech/ops/pulls/1/files?per_page=100&page=2>; rel="next", <${standin.apiUrl}/repos/initech/ops/pulls/1/files?per_page=100&page=2>; rel="last"`,
    );
  });

  it('answers a push with a new head on the handle’s target', () => {
    const before = globex.target.headSha;
    const pushed = globex.push(new Map([[TASKS, '---\n- name: e\n']]));
    expect(globex.target.headSha).toBe(pushed.headSha);
    expect(globex.target.headSha).not.toBe(before);
    expect(globex.target.baseSha).toBe(pushed.baseSha);
  });
});
