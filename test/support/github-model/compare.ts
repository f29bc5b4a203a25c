/**
 * `GET /repos/{owner}/{repo}/compare/{base}...{head}` as GitHub answers it: a three-dot comparison,
 * so the files are the changes from the merge base to head; commits in chronological order, 250 of
 * them without paging parameters or a page of them with; at most 300 files, listed on the first
 * page only.
 */
import { blobSha, diffTrees, type PullRequestFile, type Tree } from '../pull-request-fixture.js';
import type { GitHistory } from './git-history.js';
import type { RepositoryState } from './repository-state.js';
import { NOT_FOUND, ok, pageRequest, paginate, type FakeResponse } from './routes.js';

const MAX_FILES = 300;
const COMMITS_WITHOUT_PAGING = 250;

export function compareCommits(
  repository: RepositoryState,
  basehead: string,
  path: string,
  query: URLSearchParams,
): FakeResponse {
  const [base = '', head = '', ...rest] = basehead.split('...');
  const history = repository.history;
  const baseCommit = history.commit(base);
  const headCommit = history.commit(head);
  if (rest.length > 0 || !baseCommit || !headCommit) return NOT_FOUND;
  const mergeBase = history.mergeBase(base, head);
  if (mergeBase === undefined)
    return {
      status: 404,
      body: {
        message: `No common ancestor between ${base} and ${head}.`,
        documentation_url: 'https://docs.github.com/rest/commits/commits#compare-two-commits',
      },
    };

  const ahead = history.lineage(head).indexOf(mergeBase);
  const behind = history.lineage(base).indexOf(mergeBase);
  const commits = history.lineage(head).slice(0, ahead).reverse();
  const paged = query.has('per_page') || query.has('page');
  const page = paged
    ? paginate(commits, pageRequest(query), path, query)
    : { items: commits.slice(-COMMITS_WITHOUT_PAGING) };
  const showFiles = !paged || pageRequest(query).page === 1;
  const files = showFiles
    ? changedFiles(repository, mergeBase, head).slice(0, MAX_FILES)
    : undefined;
  return ok(
    {
      status:
        ahead === 0 && behind === 0
          ? 'identical'
          : behind === 0
            ? 'ahead'
            : ahead === 0
              ? 'behind'
              : 'diverged',
      ahead_by: ahead,
      behind_by: behind,
      total_commits: ahead,
      base_commit: commitJson(history, base),
      merge_base_commit: commitJson(history, mergeBase),
      commits: page.items.map((sha) => commitJson(history, sha)),
      ...(files ? { files } : {}),
    },
    'headers' in page ? page.headers : undefined,
  );
}

/** A file of the comparison: `sha` is the blob at head, null for a removed file. */
type ComparedFile = Omit<PullRequestFile, 'sha'> & { sha: string | null };

/** The files as the pull request listed them when it compared the same two commits, else computed from the trees. */
function changedFiles(repository: RepositoryState, base: string, head: string): ComparedFile[] {
  const listed = repository.listedFiles(base, head);
  const files = listed
    ? [...listed]
    : computedFiles(
        repository.history.commit(base)?.tree ?? new Map(),
        repository.history.commit(head)?.tree ?? new Map(),
      );
  return files.map((file) => (file.status === 'removed' ? { ...file, sha: null } : file));
}

/** Git finds a file that moved unchanged: a path gone from base whose content appears at a new path. */
function computedFiles(base: Tree, head: Tree): PullRequestFile[] {
  const added = new Map<string, string>();
  for (const [path, content] of head) if (!base.has(path)) added.set(blobSha(content), path);
  const renames: Record<string, string> = {};
  for (const [path, content] of base) {
    if (head.has(path)) continue;
    const target = added.get(blobSha(content));
    if (target !== undefined && !(target in renames)) renames[target] = path;
  }
  return diffTrees(base, head, { renames }).files;
}

function commitJson(history: GitHistory, sha: string) {
  const commit = history.commit(sha);
  return {
    sha,
    commit: {
      message: `Commit ${sha.slice(0, 7)}`,
      tree: { sha: history.rootTree(sha)?.sha ?? null },
    },
    parents: commit?.parent ? [{ sha: commit.parent }] : [],
  };
}
