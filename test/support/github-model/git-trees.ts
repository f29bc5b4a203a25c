/**
 * Git tree objects for an in-memory tree (path → content), hashed exactly as git hashes them, so
 * that `GET /git/trees/{sha}` lists the SHAs a real repository with the same files would have.
 */
import { createHash } from 'node:crypto';
import { blobSha, type Tree } from '../pull-request-fixture.js';

export interface TreeEntryJson {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

interface Entry {
  name: string;
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
  tree?: GitTree;
}

export class GitTree {
  constructor(
    readonly sha: string,
    readonly entries: readonly Entry[],
  ) {}

  /** The entries as the REST API lists them: this folder's, or every level's in git's order with `recursive`. */
  list(recursive: boolean, prefix = ''): TreeEntryJson[] {
    return this.entries.flatMap((entry) => {
      const path = `${prefix}${entry.name}`;
      const json: TreeEntryJson =
        entry.type === 'tree'
          ? { path, mode: '040000', type: 'tree', sha: entry.sha }
          : { path, mode: '100644', type: 'blob', sha: entry.sha, size: entry.size ?? 0 };
      return recursive && entry.tree ? [json, ...entry.tree.list(true, `${path}/`)] : [json];
    });
  }

  /** This tree and every folder below it. */
  *allTrees(): Generator<GitTree> {
    yield this;
    for (const entry of this.entries) if (entry.tree) yield* entry.tree.allTrees();
  }
}

export function gitTreeOf(tree: Tree): GitTree {
  const root: Folder = new Map();
  for (const [path, content] of tree) {
    const parts = path.split('/');
    let folder = root;
    for (const part of parts.slice(0, -1)) {
      let child = folder.get(part);
      if (typeof child !== 'object') folder.set(part, (child = new Map()));
      folder = child;
    }
    folder.set(parts.at(-1) ?? path, content);
  }
  return hashFolder(root);
}

type Folder = Map<string, string | Folder>;

function hashFolder(folder: Folder): GitTree {
  const entries: Entry[] = [...folder].map(([name, value]) => {
    if (typeof value === 'string')
      return { name, type: 'blob', sha: blobSha(value), size: Buffer.byteLength(value) };
    const tree = hashFolder(value);
    return { name, type: 'tree', sha: tree.sha, tree };
  });
  // Git orders entries by name as bytes, a folder as if its name ended in "/".
  const sortKey = (entry: Entry) =>
    Buffer.from(entry.type === 'tree' ? `${entry.name}/` : entry.name);
  entries.sort((a, b) => Buffer.compare(sortKey(a), sortKey(b)));
  const body = Buffer.concat(
    entries.map((entry) =>
      Buffer.concat([
        Buffer.from(`${entry.type === 'tree' ? '40000' : '100644'} ${entry.name}\0`),
        Buffer.from(entry.sha, 'hex'),
      ]),
    ),
  );
  const sha = createHash('sha1').update(`tree ${body.length}\0`).update(body).digest('hex');
  return new GitTree(sha, entries);
}
