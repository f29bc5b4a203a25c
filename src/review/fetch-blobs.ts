/**
 * File contents for a review in as few requests as GitHub allows: GraphQL queries that read up
 * to `OBJECTS_PER_QUERY` blobs each through aliases, by blob SHA (head files, whose SHAs the
 * file listing gives) or by `<commit>:<path>` (base versions, the policy files). Blobs GraphQL
 * only returns in part are fetched again over REST by their SHA. With a cache, blobs read
 * before by SHA are not asked for again. The same queries read the git modes of a folder's
 * entries, which tell a symbolic link from a file and which no file listing gives.
 */
import { mapConcurrently } from '../shared/map-concurrently.js';
import type { BlobCache } from './blob-cache.js';
import { graphqlRoute, requestLargeJson } from './large-json.js';
import type { GitHubClient, RepoRef } from './review-target.js';

/**
 * Blobs per query: both versions of a 100-file pull request, its policies and the 200 unchanged
 * files it reaches fit in one; configuration files are small, so the answer stays far from
 * GitHub's 10-second limit, and a blob GitHub truncates is read again over REST. Folders, whose
 * entries are a name and a mode each, are not counted: they ride in the first query.
 */
const OBJECTS_PER_QUERY = 500;
/** REST fallbacks in flight at once. */
const CONCURRENT_FALLBACKS = 4;

export interface BlobRequest {
  /** how the caller finds the result again */
  key: string;
  /** the repository that holds the blob */
  repository: RepoRef;
  /** a blob SHA, or a `<rev>:<path>` expression */
  object: { oid: string } | { expression: string };
  /** a missing repository (not installed, or absent) reads as a missing file instead of failing the review */
  optional?: boolean;
  /** `object` names a folder (`<commit>:<path>`): its entries' modes are read, into `folders` */
  entries?: true;
}

/** key → text; absent for missing and binary files. */
export class BlobTexts extends Map<string, string> {
  /** `owner/repo` of optional repositories the installation cannot see (not installed there, or absent) */
  readonly unreachableRepositories = new Set<string>();
  /** key of a folder request → entry name → git mode (`100644`, `120000`); absent for a missing folder */
  readonly folders = new Map<string, ReadonlyMap<string, string>>();

  /** Takes in what a later round of queries read. */
  addAll(other: BlobTexts): void {
    for (const [key, text] of other) this.set(key, text);
    for (const [key, entries] of other.folders) this.folders.set(key, entries);
    for (const repository of other.unreachableRepositories)
      this.unreachableRepositories.add(repository);
  }
}

interface BlobNode {
  oid?: string;
  isBinary?: boolean | null;
  isTruncated?: boolean;
  text?: string | null;
  /** a folder's entries; GraphQL gives the mode as a number */
  entries?: Array<{ name: string; mode: number }>;
}

type QueryData = Record<string, Record<string, BlobNode | null> | null>;

export async function fetchBlobs(
  octokit: GitHubClient,
  allRequests: readonly BlobRequest[],
  cache?: BlobCache,
): Promise<BlobTexts> {
  const texts = new BlobTexts();
  const requests: BlobRequest[] = [];
  for (const request of allRequests) {
    const cached = cache && 'oid' in request.object ? cache.get(request.object.oid) : undefined;
    if (cached === undefined) requests.push(request);
    else texts.set(request.key, cached);
  }
  const truncated: Array<{ key: string; repository: RepoRef; oid: string }> = [];
  for (const batch of inBatches(requests)) {
    const { query, aliases } = blobQuery(batch);
    const data = await runQuery(octokit, query, batch, aliases, texts.unreachableRepositories);
    for (const [request, [repositoryAlias, objectAlias]] of batch.map(
      (request, index) => [request, aliases[index] as [string, string]] as const,
    )) {
      const node = data[repositoryAlias]?.[objectAlias];
      if (request.entries) {
        if (node?.entries)
          texts.folders.set(
            request.key,
            new Map(node.entries.map(({ name, mode }) => [name, mode.toString(8)])),
          );
        continue;
      }
      if (!node || node.text === undefined || node.isBinary) continue;
      if (node.isTruncated && node.oid)
        truncated.push({ key: request.key, repository: request.repository, oid: node.oid });
      else if (typeof node.text === 'string') {
        texts.set(request.key, node.text);
        if (node.oid) cache?.set(node.oid, node.text);
      }
    }
  }
  await mapConcurrently(truncated, CONCURRENT_FALLBACKS, async ({ key, repository, oid }) => {
    const { data: blob } = await requestLargeJson<{ content: string; encoding: string }>(
      octokit,
      'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
      {
        owner: repository.owner,
        repo: repository.repo,
        file_sha: oid,
      },
    );
    const text =
      blob.encoding === 'base64'
        ? Buffer.from(blob.content, 'base64').toString('utf8')
        : blob.content;
    texts.set(key, text);
    cache?.set(oid, text);
  });
  return texts;
}

/** Up to `OBJECTS_PER_QUERY` blobs a query, the folders with the first. */
function inBatches(requests: readonly BlobRequest[]): BlobRequest[][] {
  const folders = requests.filter((request) => request.entries);
  const blobs = requests.filter((request) => !request.entries);
  const batches: BlobRequest[][] = [];
  for (let start = 0; start < blobs.length; start += OBJECTS_PER_QUERY)
    batches.push(blobs.slice(start, start + OBJECTS_PER_QUERY));
  if (folders.length > 0) batches[0] = [...(batches[0] ?? []), ...folders];
  return batches;
}

const FRAGMENTS = {
  PostureBlob: 'fragment PostureBlob on Blob { oid isBinary isTruncated text }',
  PostureFolder: 'fragment PostureFolder on Tree { entries { name mode } }',
};

/** One query with a `repository` field per repository and an aliased `object` per blob or folder. */
function blobQuery(batch: readonly BlobRequest[]): {
  query: string;
  aliases: Array<[string, string]>;
} {
  const repositories = new Map<string, { alias: string; ref: RepoRef; objects: string[] }>();
  const aliases: Array<[string, string]> = [];
  // GraphQL refuses a fragment the query does not use.
  const used = new Set<keyof typeof FRAGMENTS>();
  batch.forEach((request, index) => {
    const id = `${request.repository.owner}/${request.repository.repo}`;
    let repository = repositories.get(id);
    if (!repository)
      repositories.set(
        id,
        (repository = { alias: `r${repositories.size}`, ref: request.repository, objects: [] }),
      );
    const objectAlias = `o${index}`;
    const argument =
      'oid' in request.object
        ? `oid: ${JSON.stringify(request.object.oid)}`
        : `expression: ${JSON.stringify(request.object.expression)}`;
    const fragment = request.entries ? 'PostureFolder' : 'PostureBlob';
    used.add(fragment);
    repository.objects.push(`${objectAlias}: object(${argument}) { ...${fragment} }`);
    aliases.push([repository.alias, objectAlias]);
  });
  const fields = [...repositories.values()].map(
    ({ alias, ref, objects }) =>
      `  ${alias}: repository(owner: ${JSON.stringify(ref.owner)}, name: ${JSON.stringify(ref.repo)}) {\n    ${objects.join('\n    ')}\n  }`,
  );
  const fragments = [...used].map((name) => FRAGMENTS[name]);
  const query = `query PostureBlobs {\n${fields.join('\n')}\n}\n${fragments.join('\n')}`;
  return { query, aliases };
}

interface GraphqlProblem {
  type?: string;
  message?: string;
  path?: Array<string | number>;
}

/** A GraphQL answer with errors Posture cannot read past, shaped like Octokit's request errors. */
export class GraphqlQueryError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly response: { headers: Record<string, string | undefined> },
  ) {
    super(message);
    this.name = 'GraphqlQueryError';
  }
}

/**
 * Runs the query (see large-json.ts for why not through `octokit.graphql`). GitHub answers a
 * repository the installation cannot see with a NOT_FOUND error next to the data of the rest;
 * that is a missing file when the request allows it. Any other error fails the query; an
 * exhausted GraphQL budget (RATE_LIMITED, with HTTP 200) reads as the rate limit it is.
 */
async function runQuery(
  octokit: GitHubClient,
  query: string,
  batch: readonly BlobRequest[],
  aliases: ReadonlyArray<[string, string]>,
  unreachable: Set<string>,
): Promise<QueryData> {
  const { data: answer, headers } = await requestLargeJson<{
    data?: QueryData | null;
    errors?: GraphqlProblem[];
  }>(octokit, graphqlRoute(octokit), { query });
  const problems = answer.errors ?? [];
  if (problems.length === 0) return answer.data ?? {};
  if (problems.some((problem) => problem.type === 'RATE_LIMITED')) {
    throw new GraphqlQueryError('GitHub’s GraphQL rate limit is exhausted', 403, {
      headers: { 'x-ratelimit-remaining': '0', ...headers },
    });
  }
  const optionalRepositories = new Set(
    aliases
      .filter((_, index) => batch[index]?.optional)
      .map(([repositoryAlias]) => repositoryAlias),
  );
  const tolerated = problems.every(
    (problem) =>
      problem.type === 'NOT_FOUND' && optionalRepositories.has(String(problem.path?.[0])),
  );
  if (!tolerated || !answer.data) {
    throw new GraphqlQueryError(
      `GitHub could not answer the content query: ${problems.map((problem) => problem.message ?? problem.type).join('; ')}`,
      502,
      { headers },
    );
  }
  for (const problem of problems) {
    const index = aliases.findIndex(
      ([repositoryAlias]) => repositoryAlias === String(problem.path?.[0]),
    );
    const repository = batch[index]?.repository;
    if (repository) unreachable.add(`${repository.owner}/${repository.repo}`);
  }
  return answer.data;
}
