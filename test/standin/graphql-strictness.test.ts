/**
 * The fake GitHub checks every GraphQL document as GitHub does before it runs it: against GitHub's
 * published schema, with GitHub's node limits, and answers problems in GitHub's shape (HTTP 200,
 * `errors`, no `data`). What it runs, it runs against the model, with GitHub's NOT_FOUND errors.
 */
import { describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { buildPullRequest } from '../support/pull-request-fixture.js';

const TASKS = 'roles/web/tasks/main.yml';
const fixture = buildPullRequest(
  new Map([[TASKS, '---\n- name: a\n']]),
  new Map([[TASKS, '---\n- name: b\n']]),
);

function fakeGitHub(): FakeGitHub {
  return new FakeGitHub({ fixture, policy: { org: 'fail_on: high\n' } });
}

function ask(github: FakeGitHub, query: string, variables: Record<string, unknown> = {}) {
  const { status, body } = github.graphql({ query, variables });
  return {
    status,
    body: body as {
      data?: Record<string, unknown> | null;
      errors?: Array<Record<string, unknown>>;
    },
  };
}

const STATE = `query State($owner: String!, $name: String!, $number: Int!, $threads: Int!) {
  repository(owner: $owner, name: $name) { pullRequest(number: $number) { headRefOid reviewThreads(first: $threads) { nodes { comments(first: 10) { nodes { body } } } } } }
}`;

describe('GraphQL validation', () => {
  it('rejects a field the schema does not have, in GitHub’s words and without data', () => {
    const { status, body } = ask(
      fakeGitHub(),
      'query Broken { repository(owner: "acme", name: "infra") { nameWithOwner headRefOid } }',
    );

    expect(status).toBe(200);
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([
      {
        extensions: { code: 'undefinedField', typeName: 'Repository', fieldName: 'headRefOid' },
        locations: [{ line: 1, column: 73 }],
        message: "Field 'headRefOid' doesn't exist on type 'Repository'",
      },
    ]);
  });

  it('rejects a page of 101 records, literal or from a variable', () => {
    const literal = ask(
      fakeGitHub(),
      'query Big { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviewThreads(first: 101) { nodes { isResolved } } } } }',
    );
    const variable = ask(fakeGitHub(), STATE, {
      owner: 'acme',
      name: 'infra',
      number: 7,
      threads: 101,
    });

    for (const { status, body } of [literal, variable]) {
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('data');
      expect(body.errors).toEqual([
        expect.objectContaining({
          type: 'EXCESSIVE_PAGINATION',
          path: ['repository', 'pullRequest', 'reviewThreads'],
          message:
            'Requesting 101 records on the `reviewThreads` connection exceeds the `first` limit of 100 records.',
        }),
      ]);
    }
  });

  it('rejects a connection read without first or last, both at once, or a page below 1', () => {
    const github = fakeGitHub();
    const missing = ask(
      github,
      'query NoPage { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviews { nodes { state } } } } }',
    );
    const both = ask(
      github,
      'query Both { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviews(first: 5, last: 5) { nodes { state } } } } }',
    );
    const zero = ask(
      github,
      'query Zero { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviews(last: 0) { nodes { state } } } } }',
    );
    const countOnly = ask(
      github,
      'query Count { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviews { totalCount } } } }',
    );

    expect(missing.body.errors?.[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      message:
        'You must provide a `first` or `last` value to properly paginate the `reviews` connection.',
    });
    expect(both.body.errors?.[0]?.message).toBe(
      'Passing both `first` and `last` to paginate the `reviews` connection is not supported.',
    );
    expect(zero.body.errors?.[0]?.message).toContain(
      '`last` on the `reviews` connection must be between 1 and 100',
    );
    expect(countOnly.body).toEqual({
      data: { repository: { pullRequest: { reviews: { totalCount: 0 } } } },
    });
  });

  it('rejects a query that could ask for more than 500,000 nodes', () => {
    const query = `query Huge { repository(owner: "acme", name: "infra") { pullRequest(number: 7) {
      reviewThreads(first: 100) { nodes { comments(first: 100) { nodes { reactions(first: 100) { nodes { content } } } } } }
    } } }`;
    const { body } = ask(fakeGitHub(), query);
    expect(body).toEqual({
      errors: [
        {
          type: 'MAX_NODE_LIMIT_EXCEEDED',
          message:
            'This query requests up to 1,010,100 possible nodes which exceeds the maximum limit of 500,000.',
        },
      ],
    });
  });

  it('rejects syntax errors, variables of the wrong type and requests without a query', () => {
    const github = fakeGitHub();
    expect(
      ask(github, 'query Open { repository(owner: "acme", name: "infra") {').body.errors,
    ).toEqual([{ locations: [{ line: 1, column: 56 }], message: 'Unexpected end of document' }]);
    expect(ask(github, 'query Stray { } }').body.errors?.[0]?.message).toBe(
      'Parse error on "}" (RCURLY) at [1, 15]',
    );
    const wrongType = ask(github, STATE, {
      owner: 'acme',
      name: 'infra',
      number: 'seven',
      threads: 10,
    });
    expect(wrongType.body.errors?.[0]).toMatchObject({
      message: 'Variable $number of type Int! was provided invalid value',
      extensions: { value: 'seven' },
    });
    expect(github.graphql({ variables: {} }).body).toEqual({
      errors: [{ message: 'A query attribute must be specified and must be a string.' }],
    });
  });

  it('names unused variables and undefined fragments as GitHub does', () => {
    const github = fakeGitHub();
    const unused = ask(github, 'query Unused($x: String) { rateLimit { remaining } }');
    const fragment = ask(
      github,
      'query Missing { repository(owner: "acme", name: "infra") { ...Absent } }',
    );
    expect(unused.body.errors?.[0]).toMatchObject({
      message: 'Variable $x is declared by Unused but not used',
      extensions: { code: 'variableNotUsed' },
    });
    expect(fragment.body.errors?.[0]?.message).toBe('Fragment Absent was used, but not defined');
  });
});

describe('GraphQL execution against the model', () => {
  it('answers an unknown repository and pull request with NOT_FOUND, a path and null for that field only', () => {
    const query = `query Two {
  known: repository(owner: "acme", name: "infra") { nameWithOwner missing: pullRequest(number: 99) { number } }
  unknown: repository(owner: "acme", name: "nope") { nameWithOwner }
}`;
    const { status, body } = ask(fakeGitHub(), query);

    expect(status).toBe(200);
    expect(body.data).toEqual({
      known: { nameWithOwner: 'acme/infra', missing: null },
      unknown: null,
    });
    expect(body.errors).toEqual([
      {
        type: 'NOT_FOUND',
        path: ['known', 'missing'],
        locations: [{ line: 2, column: 67 }],
        message: 'Could not resolve to a PullRequest with the number of 99.',
      },
      {
        type: 'NOT_FOUND',
        path: ['unknown'],
        locations: [{ line: 3, column: 3 }],
        message: "Could not resolve to a Repository with the name 'acme/nope'.",
      },
    ]);
  });

  it('reads blobs by SHA and by expression, and the org policy from the .github repository', () => {
    const [file] = fixture.files;
    const query = `query Blobs {
  r0: repository(owner: "acme", name: "infra") { head: object(oid: "${file?.sha}") { ...Text } base: object(expression: "${fixture.baseSha}:${TASKS}") { ...Text } folder: object(expression: "${fixture.baseSha}:roles/web") { __typename } }
  r1: repository(owner: "acme", name: ".github") { policy: object(expression: "HEAD:.security.yml") { ...Text } }
}
fragment Text on Blob { text isTruncated }`;
    expect(ask(fakeGitHub(), query).body).toEqual({
      data: {
        r0: {
          head: { text: '---\n- name: b\n', isTruncated: false },
          base: { text: '---\n- name: a\n', isTruncated: false },
          folder: { __typename: 'Tree' },
        },
        r1: { policy: { text: 'fail_on: high\n', isTruncated: false } },
      },
    });
  });

  it('pages review threads forwards with opaque cursors', () => {
    const github = fakeGitHub();
    for (let index = 0; index < 5; index++) {
      github.threads.push({
        comments: [
          {
            nodeId: `PRRC_${index}`,
            author: { login: 'dana', type: 'User' },
            body: `comment ${index}`,
            path: TASKS,
            commitId: fixture.headSha,
            isMinimized: false,
          },
        ],
      });
    }
    type ThreadPage = {
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: Array<{ comments: { nodes: Array<{ body: string }> } }>;
    };
    const page = (after: string | null): ThreadPage =>
      (
        ask(
          github,
          'query Page($after: String) { repository(owner: "acme", name: "infra") { pullRequest(number: 7) { reviewThreads(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { comments(first: 1) { nodes { body } } } } } } }',
          { after },
        ).body.data as { repository: { pullRequest: { reviewThreads: ThreadPage } } }
      ).repository.pullRequest.reviewThreads;
    const bodies: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const threads: ThreadPage = page(cursor);
      bodies.push(...threads.nodes.map((thread) => thread.comments.nodes[0]?.body ?? ''));
      if (!threads.pageInfo.hasNextPage) break;
      cursor = threads.pageInfo.endCursor;
    }
    expect(bodies).toEqual(['comment 0', 'comment 1', 'comment 2', 'comment 3', 'comment 4']);
    expect(cursor).not.toMatch(/^\d+$/);
  });

  it('says plainly when a valid query reads a field the model does not have', () => {
    const { body } = ask(
      fakeGitHub(),
      'query Gap { repository(owner: "acme", name: "infra") { stargazerCount } }',
    );
    expect(body.data).toEqual({ repository: null });
    expect(body.errors?.[0]).toMatchObject({
      type: 'STANDIN_UNSUPPORTED',
      path: ['repository', 'stargazerCount'],
      message: expect.stringContaining('does not model Repository.stargazerCount') as unknown,
    });
  });

  it('minimizes review comments, and answers NOT_FOUND for an id it does not know', () => {
    const github = fakeGitHub();
    github.threads.push({
      comments: [
        {
          nodeId: 'PRRC_mine',
          author: { login: 'posture', type: 'Bot' },
          body: 'x',
          path: TASKS,
          commitId: fixture.headSha,
          isMinimized: false,
        },
      ],
    });
    const { body } = ask(
      github,
      'mutation Fold { a: minimizeComment(input: { subjectId: "PRRC_mine", classifier: RESOLVED }) { minimizedComment { isMinimized } } b: minimizeComment(input: { subjectId: "PRRC_gone", classifier: OUTDATED }) { minimizedComment { isMinimized } } }',
    );
    expect(body.data).toEqual({ a: { minimizedComment: { isMinimized: true } }, b: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        type: 'NOT_FOUND',
        path: ['b'],
        message: "Could not resolve to a node with the global id of 'PRRC_gone'.",
      }),
    ]);
    expect(github.threads[0]?.comments[0]).toMatchObject({
      isMinimized: true,
      minimizedReason: 'RESOLVED',
    });
  });
});
