/**
 * What the fake GitHub cannot hold, since its trees map paths to text: blobs GitHub serves as
 * binary, and symbolic links. The fake's answers are amended as GitHub's would read: a binary
 * blob has no text in GraphQL, and a link has mode 120000 in the trees (REST, as the string
 * `120000`) and among a folder's entries (GraphQL, as the number 0o120000). A binary file is
 * listed by the comparison as GitHub lists one: no patch and no changed lines.
 */
import type { MockedGitHub } from '../support/mock-github-api.js';
import { blobSha, type PullRequestFixture } from '../support/pull-request-fixture.js';

export interface ServedAs {
  /** contents GitHub takes for binary */
  binary?: readonly string[];
  /** paths that are symbolic links at the fixture's head commit */
  links?: readonly string[];
}

/** The comparison's entry of each binary file, as GitHub lists it. */
export function listedAsBinary(fixture: PullRequestFixture, paths: readonly string[]): void {
  for (const file of fixture.files) {
    if (!paths.includes(file.filename)) continue;
    delete file.patch;
    file.additions = 0;
    file.deletions = 0;
    file.changes = 0;
  }
}

export function serveAs(
  github: MockedGitHub,
  fixture: PullRequestFixture,
  { binary = [], links = [] }: ServedAs,
): void {
  const binaryShas = new Set(binary.map(blobSha));
  const linkPaths = new Set(links);
  const fake = github.github;
  const graphql = fake.graphql.bind(fake);
  fake.graphql = (body) => {
    const response = graphql(body);
    const { query = '' } = body as { query?: string };
    const folders = new Map(
      [...query.matchAll(/(\w+): object\(expression: "(\w+):([^"]*)"\) \{ \.\.\.PostureFolder/g)]
        .filter(([, , commit]) => commit === fixture.headSha)
        .map(([, alias, , folder]) => [alias ?? '', folder ?? '']),
    );
    const data = (response.body as { data?: Record<string, Record<string, unknown> | null> }).data;
    for (const repository of Object.values(data ?? {}))
      for (const [alias, node] of Object.entries(repository ?? {})) {
        const object = node as {
          oid?: string;
          isBinary?: boolean;
          text?: string | null;
          entries?: Array<{ name: string; mode: number }>;
        } | null;
        if (object?.oid && binaryShas.has(object.oid) && 'text' in object) {
          object.isBinary = true;
          object.text = null;
        }
        const folder = folders.get(alias);
        if (folder !== undefined && object?.entries)
          for (const entry of object.entries)
            if (linkPaths.has(folder === '' ? entry.name : `${folder}/${entry.name}`))
              entry.mode = 0o120000;
      }
    return response;
  };
  const rest = fake.rest.bind(fake);
  fake.rest = (method, path, query, body) => {
    const response = rest(method, path, query, body);
    if (path.endsWith(`/git/trees/${fixture.headSha}`))
      for (const entry of (response.body as { tree?: Array<{ path: string; mode: string }> })
        .tree ?? [])
        if (linkPaths.has(entry.path)) entry.mode = '120000';
    return response;
  };
}
