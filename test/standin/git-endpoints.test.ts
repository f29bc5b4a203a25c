/**
 * The repository endpoints the app is about to use, as the fake GitHub serves them: compare two
 * commits (three-dot: merge base to head), list a commit's tree, check runs with `external_id`,
 * filters and pages, and GitHub's paging limits.
 */
import { describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { buildPullRequest, type Tree } from '../support/pull-request-fixture.js';

const TASKS = 'roles/web/tasks/main.yml';
const VARS = 'roles/web/vars/main.yml';
const README = 'README.md';
const base: Tree = new Map([
  [TASKS, '---\n- name: Install nginx\n  apt: name=nginx\n'],
  [VARS, 'port: 80\n'],
  ['roles/db/tasks/main.yml', '---\n- name: Install postgres\n  apt: name=postgresql\n'],
  [README, '# infra\n'],
]);
const head: Tree = new Map([
  [
    TASKS,
    '---\n- name: Install nginx\n  apt: name=nginx\n- name: Open the port\n  ufw: rule=allow port=80\n',
  ],
  ['roles/db/tasks/install.yml', '---\n- name: Install postgres\n  apt: name=postgresql\n'],
  [README, '# infra\n'],
  [
    'roles/web/handlers/main.yml',
    '---\n- name: Reload nginx\n  service: name=nginx state=reloaded\n',
  ],
]);

function get(github: FakeGitHub, path: string, query = '') {
  const { status, body, headers } = github.rest('GET', path, new URLSearchParams(query), undefined);
  return { status, headers, body: body as Record<string, unknown> };
}

describe('compare', () => {
  it('lists the changes from base to head with statuses, blob SHAs and the patches listFiles gives', () => {
    const fixture = buildPullRequest(base, head, {
      renames: { 'roles/db/tasks/install.yml': 'roles/db/tasks/main.yml' },
    });
    const github = new FakeGitHub({ fixture });

    const { status, body } = get(
      github,
      `/repos/acme/infra/compare/${fixture.baseSha}...${fixture.headSha}`,
    );

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      total_commits: 1,
      merge_base_commit: { sha: fixture.baseSha },
    });
    expect(body.commits).toEqual([
      expect.objectContaining({ sha: fixture.headSha, parents: [{ sha: fixture.baseSha }] }),
    ]);
    const files = body.files as Array<Record<string, unknown>>;
    expect(files.map((file) => [file.filename, file.status, file.previous_filename])).toEqual([
      ['roles/db/tasks/install.yml', 'renamed', 'roles/db/tasks/main.yml'],
      ['roles/web/handlers/main.yml', 'added', undefined],
      [TASKS, 'modified', undefined],
      [VARS, 'removed', undefined],
    ]);
    expect(files.find((file) => file.filename === VARS)?.sha).toBeNull();
    const listed = get(github, '/repos/acme/infra/pulls/7/files').body as unknown as Array<
      Record<string, unknown>
    >;
    const modified = files.find((file) => file.filename === TASKS);
    expect(modified).toMatchObject({
      sha: listed.find((file) => file.filename === TASKS)?.sha,
      additions: 2,
      deletions: 0,
      changes: 2,
    });
    expect(modified?.patch).toBe(listed.find((file) => file.filename === TASKS)?.patch);
    expect(modified?.patch).toContain('+- name: Open the port');
  });

  it('follows pushes: a push extends the head, a force push diverges from it, a moved base puts head behind', () => {
    const first = buildPullRequest(base, head);
    const github = new FakeGitHub({ fixture: first });
    const second = buildPullRequest(base, new Map([...head, [README, '# infra\n\nServers.\n']]));
    github.push(second);

    const onTop = get(
      github,
      `/repos/acme/infra/compare/${first.headSha}...${second.headSha}`,
    ).body;
    expect(onTop).toMatchObject({
      status: 'ahead',
      ahead_by: 1,
      behind_by: 0,
      merge_base_commit: { sha: first.headSha },
    });
    expect((onTop.files as Array<{ filename: string }>).map((file) => file.filename)).toEqual([
      README,
    ]);
    expect(
      get(github, `/repos/acme/infra/compare/${first.baseSha}...${second.headSha}`).body,
    ).toMatchObject({ ahead_by: 2, total_commits: 2 });

    const rewritten = buildPullRequest(base, new Map([...head, [VARS, 'port: 8080\n']]));
    github.push(rewritten, { force: true });
    const diverged = get(
      github,
      `/repos/acme/infra/compare/${second.headSha}...${rewritten.headSha}`,
    ).body;
    expect(diverged).toMatchObject({
      status: 'diverged',
      ahead_by: 1,
      behind_by: 2,
      merge_base_commit: { sha: first.baseSha },
    });
    expect((diverged.files as Array<{ filename: string }>).map((file) => file.filename)).toContain(
      VARS,
    );
    expect(
      get(github, `/repos/acme/infra/compare/${rewritten.headSha}...${first.baseSha}`).body,
    ).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1 });
    expect(
      get(github, `/repos/acme/infra/compare/${first.headSha}...${first.headSha}`).body,
    ).toMatchObject({ status: 'identical', files: [] });
  });

  it('answers 404 for a SHA it does not know, or a repository that is not there', () => {
    const fixture = buildPullRequest(base, head);
    const github = new FakeGitHub({ fixture });
    expect(
      get(github, `/repos/acme/infra/compare/${fixture.baseSha}...${'a'.repeat(40)}`),
    ).toMatchObject({ status: 404, body: { message: 'Not Found' } });
    expect(
      get(github, `/repos/acme/other/compare/${fixture.baseSha}...${fixture.headSha}`),
    ).toMatchObject({ status: 404, body: { message: 'Not Found' } });
  });

  it('lists at most 300 files, and only on the first page when paging', () => {
    const many = new Map(
      Array.from({ length: 320 }, (_, index) => [
        `docs/page-${String(index).padStart(3, '0')}.md`,
        `page ${index}\n`,
      ]),
    );
    const fixture = buildPullRequest(new Map(), many);
    const github = new FakeGitHub({ fixture });
    const path = `/repos/acme/infra/compare/${fixture.baseSha}...${fixture.headSha}`;

    expect((get(github, path).body.files as unknown[]).length).toBe(300);
    expect((get(github, path, 'per_page=1&page=1').body.files as unknown[]).length).toBe(300);
    expect(get(github, path, 'per_page=1&page=2').body).not.toHaveProperty('files');
  });
});

describe('git trees', () => {
  it('lists a commit’s tree recursively with git’s SHAs, sizes and folders', () => {
    const fixture = buildPullRequest(base, head);
    const github = new FakeGitHub({ fixture });

    const recursive = get(
      github,
      `/repos/acme/infra/git/trees/${fixture.headSha}`,
      'recursive=1',
    ).body;
    const entries = recursive.tree as Array<{
      path: string;
      type: string;
      mode: string;
      sha: string;
      size?: number;
    }>;
    expect(recursive.truncated).toBe(false);
    expect(
      entries
        .filter((entry) => entry.type === 'blob')
        .map((entry) => entry.path)
        .sort(),
    ).toEqual([...head.keys()].sort());
    // `git hash-object` of "# infra\n".
    expect(entries.find((entry) => entry.path === README)).toEqual({
      path: README,
      mode: '100644',
      type: 'blob',
      sha: '2fead8d6410b23e9a893a6eb80360040b59a18be',
      size: 8,
    });
    expect(entries.find((entry) => entry.path === 'roles')).toMatchObject({
      mode: '040000',
      type: 'tree',
    });

    const top = get(github, `/repos/acme/infra/git/trees/${fixture.headSha}`).body.tree as Array<{
      path: string;
    }>;
    expect(top.map((entry) => entry.path)).toEqual([README, 'roles']);
    const roles = entries.find((entry) => entry.path === 'roles')?.sha ?? '';
    expect(
      (
        get(github, `/repos/acme/infra/git/trees/${roles}`).body.tree as Array<{ path: string }>
      ).map((entry) => entry.path),
    ).toEqual(['db', 'web']);
    expect(get(github, `/repos/acme/infra/git/trees/${'b'.repeat(40)}`, 'recursive=1').status).toBe(
      404,
    );
  });

  it('hashes trees exactly as git does', () => {
    const tree = new Map([
      ['roles/web/tasks/main.yml', '---\n- name: x\n'],
      ['roles/web-extra.yml', 'a: 1\n'],
      ['site.yml', ''],
    ]);
    const fixture = buildPullRequest(new Map(), tree);
    const listing = get(
      new FakeGitHub({ fixture }),
      `/repos/acme/infra/git/trees/${fixture.headSha}`,
      'recursive=1',
    ).body;
    expect((listing.tree as Array<{ path: string }>).map((entry) => entry.path)).toEqual([
      'roles',
      'roles/web-extra.yml',
      'roles/web',
      'roles/web/tasks',
      'roles/web/tasks/main.yml',
      'site.yml',
    ]);
    // `git write-tree` of the same three files.
    expect(listing.sha).toBe('4c89c862bf87bf868c68af3f69b8c0324ab8ece1');
  });
});

describe('check runs', () => {
  function withRuns() {
    const fixture = buildPullRequest(base, head);
    const github = new FakeGitHub({ fixture, appId: 4242 });
    const create = (name: string, input: Record<string, unknown> = {}) =>
      github.rest('POST', '/repos/acme/infra/check-runs', new URLSearchParams(), {
        name,
        head_sha: fixture.headSha,
        ...input,
      });
    return { fixture, github, create };
  }

  it('stores external_id and returns it; "" when none was given', () => {
    const { fixture, github, create } = withRuns();
    const created = create('Posture', {
      status: 'in_progress',
      external_id: 'review:acme/infra#7',
    });
    const plain = create('Lint');

    expect(created).toMatchObject({
      status: 201,
      body: { external_id: 'review:acme/infra#7', status: 'in_progress' },
    });
    expect(plain.body).toMatchObject({ external_id: '' });
    const id = (created.body as { id: number }).id;
    expect(get(github, `/repos/acme/infra/check-runs/${id}`).body).toMatchObject({
      external_id: 'review:acme/infra#7',
    });
    expect(
      get(github, `/repos/acme/infra/commits/${fixture.headSha}/check-runs`, 'check_name=Posture')
        .body,
    ).toMatchObject({ total_count: 1, check_runs: [{ external_id: 'review:acme/infra#7' }] });
  });

  it('refuses a run on a commit the repository does not have', () => {
    const { create } = withRuns();
    expect(create('Posture', { head_sha: 'c'.repeat(40) })).toMatchObject({
      status: 422,
      body: { message: `No commit found for SHA: ${'c'.repeat(40)}` },
    });
  });

  it('filters latest or all runs by name and app, and pages them', () => {
    const { fixture, github, create } = withRuns();
    for (let run = 0; run < 5; run++) create('Posture');
    create('Lint');
    const list = (query: string) =>
      get(github, `/repos/acme/infra/commits/${fixture.headSha}/check-runs`, query);

    expect(list('').body.total_count).toBe(2);
    expect(list('filter=all').body.total_count).toBe(6);
    expect(list('filter=all&check_name=Posture&app_id=4242').body.total_count).toBe(5);
    expect(list('filter=all&app_id=1').body.total_count).toBe(0);
    const firstPage = list('filter=all&per_page=2');
    expect((firstPage.body.check_runs as unknown[]).length).toBe(2);
    expect(firstPage.headers?.link).toContain('filter=all&per_page=2&page=2>; rel="next"');
    expect(firstPage.headers?.link).toContain('page=3>; rel="last"');
    expect((list('filter=all&per_page=2&page=3').body.check_runs as unknown[]).length).toBe(2);
  });

  it('serves at most 100 items a page, whatever per_page asks', () => {
    const { fixture, github, create } = withRuns();
    for (let run = 0; run < 120; run++) create(`check-${run}`);
    const page = get(
      github,
      `/repos/acme/infra/commits/${fixture.headSha}/check-runs`,
      'per_page=500',
    );
    expect((page.body.check_runs as unknown[]).length).toBe(100);
    expect(page.body.total_count).toBe(120);
    expect(page.headers?.link).toContain('per_page=100&page=2>; rel="next"');
  });
});
