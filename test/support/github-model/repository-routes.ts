/**
 * The REST endpoints of a repository as a whole, shared by its pull requests: the repository,
 * git blobs and trees, the compare API, check runs on commits, and the pull requests whose head
 * a commit is.
 */
import { applyCheckRunWrite, HttpProblem, validateCheckRunWrite } from '../github-rules.js';
import { compareCommits } from './compare.js';
import type { RepositoryState } from './repository-state.js';
import { literal, ok, pageRequest, paginate, type Route } from './routes.js';
import { APP_LOGIN, type StandinCheckRun } from './types.js';

const CHECK_RUN_STATUSES = new Set(['queued', 'in_progress', 'completed']);

export function checkRunJson(run: StandinCheckRun) {
  return {
    ...run,
    external_id: run.external_id ?? '',
    app: { id: run.app_id, slug: APP_LOGIN },
    output: { ...run.output, annotations_count: run.annotations.length },
  };
}

export function repositoryRoutes(repository: RepositoryState, appId: number): Route[] {
  const root = `/repos/${literal(repository.owner)}/${literal(repository.name)}`;
  const sha = '([0-9a-f]{40})';
  const history = repository.history;
  return [
    {
      method: 'GET',
      pattern: new RegExp(`^${root}$`),
      handle: () =>
        ok({
          id: repository.id,
          name: repository.name,
          full_name: repository.fullName,
          owner: { login: repository.owner, type: 'Organization' },
          private: true,
          default_branch: 'main',
        }),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/git/blobs/${sha}$`),
      handle: ({ match }) => {
        const blob = match[1] as string;
        const content = history.blob(blob);
        if (content === undefined) throw new HttpProblem(404, 'Not Found');
        return ok({
          sha: blob,
          node_id: blob,
          size: Buffer.byteLength(content),
          content: Buffer.from(content).toString('base64'),
          encoding: 'base64',
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/git/trees/${sha}$`),
      handle: ({ match, query }) => {
        const tree = history.tree(match[1] as string);
        if (!tree) throw new HttpProblem(404, 'Not Found');
        // Any value of `recursive`, even "0" or "false", lists every level.
        const entries = tree.list(query.has('recursive'));
        const limit = repository.maxTreeEntries;
        return ok({
          sha: tree.sha,
          tree: entries.slice(0, limit),
          truncated: entries.length > limit,
        });
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/compare/([^/]+)$`),
      handle: ({ match, path, query }) =>
        compareCommits(repository, decodeURIComponent(match[1] as string), path, query),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/commits/${sha}/pulls$`),
      handle: ({ match }) =>
        ok(
          repository.pullRequests
            .filter((pull) => pull.headSha === match[1])
            .map((pull) => pull.pullRequestJson()),
        ),
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/commits/${sha}/check-runs$`),
      handle: ({ match, path, query }) => {
        const name = query.get('check_name');
        const app = query.get('app_id');
        const status = query.get('status');
        let runs = repository.checkRuns.filter(
          (run) =>
            run.head_sha === match[1] &&
            (!name || run.name === name) &&
            (!app || String(run.app_id) === app) &&
            (!status || run.status === status),
        );
        if (query.get('filter') !== 'all')
          runs = runs.filter(
            (run) => !runs.some((later) => later.name === run.name && later.id > run.id),
          );
        const page = paginate(runs, pageRequest(query), path, query);
        return ok(
          { total_count: runs.length, check_runs: page.items.map(checkRunJson) },
          page.headers,
        );
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^${root}/check-runs/(\\d+)$`),
      handle: ({ match }) => ok(checkRunJson(findRun(repository, Number(match[1])))),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^${root}/check-runs$`),
      handle: ({ body: input }) => {
        validateCheckRunWrite(input);
        if (typeof input.name !== 'string' || input.name === '')
          throw new HttpProblem(422, 'Invalid request.\n\n"name" wasn\'t supplied.');
        if (typeof input.head_sha !== 'string' || !history.commit(input.head_sha))
          throw new HttpProblem(422, `No commit found for SHA: ${String(input.head_sha)}`);
        if (
          input.status !== undefined &&
          (typeof input.status !== 'string' || !CHECK_RUN_STATUSES.has(input.status))
        )
          throw new HttpProblem(422, 'Invalid request.\n\nInvalid status.');
        const run: StandinCheckRun = {
          id: newCheckRunId(repository),
          name: input.name,
          head_sha: input.head_sha,
          status: input.status ?? 'queued',
          conclusion: null,
          output: {},
          annotations: [],
          app_id: appId,
        };
        applyCheckRunWrite(run, input);
        repository.checkRuns.push(run);
        return { status: 201, body: checkRunJson(run) };
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^${root}/check-runs/(\\d+)$`),
      handle: ({ match, body: input }) => {
        const run = findRun(repository, Number(match[1]));
        validateCheckRunWrite(input);
        applyCheckRunWrite(run, input);
        return ok(checkRunJson(run));
      },
    },
  ];
}

/** The next id, above every run already there (tests may place runs in the list themselves). */
function newCheckRunId(repository: RepositoryState): number {
  let id = repository.ids.next('checkRun');
  while (repository.checkRuns.some((run) => run.id >= id)) id = repository.ids.next('checkRun');
  return id;
}

function findRun(repository: RepositoryState, id: number): StandinCheckRun {
  const run = repository.checkRuns.find((candidate) => candidate.id === id);
  if (!run) throw new HttpProblem(404, 'Not Found');
  return run;
}
