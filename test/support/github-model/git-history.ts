/**
 * The commits a repository of the fake GitHub knows: each pushed tree is a commit with at most
 * one parent, so that the compare API can find merge bases and count commits ahead and behind.
 * Blobs are kept by their git SHA; the trees of commits are indexed lazily as git tree objects.
 */
import { blobSha, type Tree } from '../pull-request-fixture.js';
import { gitTreeOf, type GitTree } from './git-trees.js';

export interface CommitRecord {
  sha: string;
  tree: Tree;
  parent?: string;
}

export class GitHistory {
  readonly #commits = new Map<string, CommitRecord>();
  readonly #blobs = new Map<string, string>();
  readonly #rootTrees = new Map<string, GitTree>();
  readonly #treesBySha = new Map<string, GitTree>();

  /** Records a commit once: a commit's parent never changes, as in git. */
  addCommit(sha: string, tree: Tree, parent?: string): void {
    if (this.#commits.has(sha)) return;
    const knownParent =
      parent !== undefined && parent !== sha && this.#commits.has(parent) ? parent : undefined;
    this.#commits.set(sha, { sha, tree, ...(knownParent ? { parent: knownParent } : {}) });
    for (const content of tree.values()) this.#blobs.set(blobSha(content), content);
  }

  commit(sha: string): CommitRecord | undefined {
    return this.#commits.get(sha);
  }

  blob(sha: string): string | undefined {
    return this.#blobs.get(sha);
  }

  /** The commit itself, then its parent, grandparent... */
  lineage(sha: string): string[] {
    const chain: string[] = [];
    for (
      let current = this.#commits.get(sha);
      current && !chain.includes(current.sha);
      current = current.parent ? this.#commits.get(current.parent) : undefined
    ) {
      chain.push(current.sha);
    }
    return chain;
  }

  /** The nearest commit both descend from, as `git merge-base` finds it in a history without merges. */
  mergeBase(base: string, head: string): string | undefined {
    const ancestorsOfBase = new Set(this.lineage(base));
    return this.lineage(head).find((sha) => ancestorsOfBase.has(sha));
  }

  /** The git tree object of a commit's root. */
  rootTree(commitSha: string): GitTree | undefined {
    const commit = this.#commits.get(commitSha);
    if (!commit) return undefined;
    let root = this.#rootTrees.get(commitSha);
    if (!root) {
      root = gitTreeOf(commit.tree);
      this.#rootTrees.set(commitSha, root);
      for (const tree of root.allTrees()) this.#treesBySha.set(tree.sha, tree);
    }
    return root;
  }

  /** A tree object by its SHA (a root or a folder of any commit), or a commit's root tree by the commit's SHA. */
  tree(sha: string): GitTree | undefined {
    if (this.#commits.has(sha)) return this.rootTree(sha);
    if (!this.#treesBySha.has(sha))
      for (const commitSha of this.#commits.keys()) this.rootTree(commitSha);
    return this.#treesBySha.get(sha);
  }
}
