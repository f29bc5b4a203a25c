/**
 * A whole fake GitHub instance: several repositories, each with its pull requests (one
 * `FakeGitHub` per pull request), owned by installations of the app. Every request is made with
 * one installation's token and sees only that installation's repositories: any other repository
 * answers 404 over REST and NOT_FOUND over GraphQL, as GitHub answers for a repository the token
 * cannot see.
 */
import { FakeGitHub, sameName, type FakeGitHubOptions } from '../fake-github.js';
import { answerGraphql } from './graphql-endpoint.js';
import type { GraphqlWorld } from './graphql-objects.js';
import { IdSequence, RepositoryState } from './repository-state.js';
import { NOT_FOUND, type FakeResponse } from './routes.js';

export interface Installation {
  id: number;
  /** the org or user the app is installed on; all its repositories belong to it */
  account: string;
}

export interface PullRequestPlacement extends Omit<
  FakeGitHubOptions,
  'repository' | 'owner' | 'repo' | 'organizationTeams'
> {
  owner: string;
  repo: string;
  installationId: number;
}

const REPOSITORY_PATH = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/;
const PULL_REQUEST_PATH = /^\/(?:pulls|issues)\/(\d+)(?:\/|$)/;
const TEAM_MEMBERSHIP_PATH = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/;

export class FakeGitHubInstance {
  readonly #ids = new IdSequence();
  readonly #installations = new Map<number, Installation>();
  readonly #repositories: RepositoryState[] = [];
  /** account (lower case) → its teams, shared by all its pull requests */
  readonly #teams = new Map<string, Map<string, Set<string>>>();
  #nextRepositoryId = 9001;

  get installations(): readonly Installation[] {
    return [...this.#installations.values()];
  }

  installation(id: number): Installation | undefined {
    return this.#installations.get(id);
  }

  /** The installation on `account`, if the app is installed there. */
  installationOn(account: string): Installation | undefined {
    return this.installations.find((installation) => sameName(installation.account, account));
  }

  /** A pull request in `owner/repo`, creating the repository (and the installation) on first use. */
  addPullRequest({ owner, repo, installationId, ...options }: PullRequestPlacement): FakeGitHub {
    const installation = this.#installations.get(installationId) ?? {
      id: installationId,
      account: owner,
    };
    if (!sameName(installation.account, owner))
      throw new Error(
        `installation ${installationId} is on ${installation.account}; it cannot hold a repository of ${owner}`,
      );
    const other = this.installationOn(owner);
    if (other && other.id !== installationId)
      throw new Error(
        `${owner} already has installation ${other.id}; an account has one installation of the app`,
      );
    this.#installations.set(installationId, installation);
    let repository = this.#repositories.find(
      (candidate) => sameName(candidate.owner, owner) && sameName(candidate.name, repo),
    );
    if (!repository) {
      repository = new RepositoryState(
        owner,
        repo,
        options.repositoryId ?? this.#nextRepositoryId,
        this.#ids,
      );
      this.#nextRepositoryId = Math.max(this.#nextRepositoryId, repository.id) + 1;
      this.#repositories.push(repository);
    }
    const pullNumber =
      options.pullNumber ??
      Math.max(0, ...repository.pullRequests.map((pull) => pull.pullNumber)) + 1;
    let organizationTeams = this.#teams.get(owner.toLowerCase());
    if (!organizationTeams)
      this.#teams.set(owner.toLowerCase(), (organizationTeams = new Map<string, Set<string>>()));
    return new FakeGitHub({ ...options, pullNumber, repository, organizationTeams });
  }

  /** A REST request made with the token of `installationId`. */
  rest(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    installationId: number,
  ): FakeResponse {
    const inRepository = REPOSITORY_PATH.exec(path);
    if (inRepository) {
      const repository = this.#visibleRepository(
        inRepository[1] as string,
        inRepository[2] as string,
        installationId,
      );
      if (!repository) return NOT_FOUND;
      const rest = inRepository[3] ?? '';
      const number = PULL_REQUEST_PATH.exec(rest)?.[1];
      const pull =
        number === undefined ? repository.pullRequests[0] : repository.pullRequest(Number(number));
      return pull
        ? pull.rest(method, `/repos/${repository.owner}/${repository.name}${rest}`, query, body)
        : NOT_FOUND;
    }
    const membership = TEAM_MEMBERSHIP_PATH.exec(path);
    if (
      membership &&
      this.#installations.get(installationId)?.account.toLowerCase() ===
        membership[1]?.toLowerCase()
    ) {
      const [, , slug = '', login = ''] = membership;
      const holder = this.#pullRequestsOf(installationId).find((pull) =>
        pull.teams.get(slug)?.has(login),
      );
      return holder
        ? holder.rest(
            method,
            `/orgs/${holder.owner}/teams/${slug}/memberships/${login}`,
            query,
            body,
          )
        : NOT_FOUND;
    }
    return NOT_FOUND;
  }

  /** A GraphQL request made with the token of `installationId`. */
  graphql(body: unknown, installationId: number): FakeResponse {
    const world: GraphqlWorld = {
      repository: (owner, name) => this.#visibleRepository(owner, name, installationId),
      orgPolicy: (owner) =>
        this.#pullRequestsOf(installationId).find(
          (pull) => sameName(pull.owner, owner) && pull.policy.org !== undefined,
        )?.policy.org,
      repositories: () =>
        this.#repositories.filter((repository) => this.#canSee(repository, installationId)),
    };
    return answerGraphql(body, world);
  }

  #visibleRepository(
    owner: string,
    name: string,
    installationId: number,
  ): RepositoryState | undefined {
    const repository = this.#repositories.find(
      (candidate) => sameName(candidate.owner, owner) && sameName(candidate.name, name),
    );
    return repository && this.#canSee(repository, installationId) ? repository : undefined;
  }

  #canSee(repository: RepositoryState, installationId: number): boolean {
    const installation = this.#installations.get(installationId);
    return installation !== undefined && sameName(installation.account, repository.owner);
  }

  #pullRequestsOf(installationId: number): FakeGitHub[] {
    return this.#repositories
      .filter((repository) => this.#canSee(repository, installationId))
      .flatMap((repository) => repository.pullRequests);
  }
}
