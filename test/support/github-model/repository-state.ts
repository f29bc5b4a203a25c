/**
 * What one repository of the fake GitHub holds in common for its pull requests: its commits and
 * blobs, its check runs, and the pull requests themselves. Ids come from a sequence that a whole
 * fake GitHub shares, so check runs, reviews and comments never share an id across repositories.
 */
import type { FakeGitHub } from '../fake-github.js';
import type { PullRequestFile } from '../pull-request-fixture.js';
import { GitHistory } from './git-history.js';
import type { StandinCheckRun } from './types.js';

const FIRST_IDS = { checkRun: 5001, review: 8001, node: 1 } as const;

export type IdKind = keyof typeof FIRST_IDS;

export class IdSequence {
  readonly #next = new Map<IdKind, number>();

  next(kind: IdKind): number {
    const id = this.#next.get(kind) ?? FIRST_IDS[kind];
    this.#next.set(kind, id + 1);
    return id;
  }
}

export class RepositoryState {
  readonly history = new GitHistory();
  readonly checkRuns: StandinCheckRun[] = [];
  readonly pullRequests: FakeGitHub[] = [];
  /** GitHub stops listing a recursive tree here and says it is truncated; tests lower it */
  maxTreeEntries = 100_000;

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly id: number,
    readonly ids: IdSequence = new IdSequence(),
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  pullRequest(number: number): FakeGitHub | undefined {
    return this.pullRequests.find((pull) => pull.pullNumber === number);
  }

  /** The default branch's head: the base of the first pull request. */
  get defaultBranchSha(): string | undefined {
    return this.pullRequests[0]?.fixture.baseSha;
  }

  /** The files a pull request listed for exactly this base and head, when one did. */
  listedFiles(baseSha: string, headSha: string): readonly PullRequestFile[] | undefined {
    for (const pull of this.pullRequests) {
      const fixture = pull.pushedFixture(headSha);
      if (fixture?.baseSha === baseSha) return fixture.files;
    }
    return undefined;
  }

  /** `.security.yml` a test placed at this base commit, over what the tree holds. */
  policyAt(commitSha: string): string | undefined {
    return this.pullRequests.find(
      (pull) => pull.fixture.baseSha === commitSha && pull.policy.base !== undefined,
    )?.policy.base;
  }

  /** GraphQL returns blobs above this size cut short, when a test says so. */
  get truncateBlobsOver(): number | undefined {
    return this.pullRequests.find((pull) => pull.truncateBlobsOver !== undefined)
      ?.truncateBlobsOver;
  }
}
