/** Which requests to the GitHub stand-in a fault or a wait is about. */

export interface RequestMatcher {
  /** `GET`, `PATCH`, ...; any method when absent */
  method?: string;
  /**
   * The API path without its query, as Octokit names it against api.github.com: REST paths such
   * as `/repos/acme/infra/check-runs/5001`, `/graphql` for GraphQL, `/app/installations/1/access_tokens`.
   * A string matches as a prefix, a regular expression anywhere.
   */
  path?: string | RegExp;
  /** a GraphQL operation name, such as `PostureBlobs` */
  operation?: string;
  /** the installation whose token made the request */
  installationId?: number;
}

/** What a matcher looks at. */
export interface MatchableRequest {
  method: string;
  /** API path without the query (see `RequestMatcher.path`) */
  apiPath: string;
  operation?: string;
  installationId?: number;
}

export function matchesRequest(matcher: RequestMatcher, request: MatchableRequest): boolean {
  if (matcher.method !== undefined && matcher.method.toUpperCase() !== request.method.toUpperCase())
    return false;
  if (typeof matcher.path === 'string' && !request.apiPath.startsWith(matcher.path)) return false;
  if (
    matcher.path instanceof RegExp &&
    !new RegExp(matcher.path.source, matcher.path.flags.replace(/[gy]/g, '')).test(request.apiPath)
  )
    return false;
  if (matcher.operation !== undefined && matcher.operation !== request.operation) return false;
  if (matcher.installationId !== undefined && matcher.installationId !== request.installationId)
    return false;
  return true;
}

export function describeMatcher(matcher: RequestMatcher): string {
  const parts = [
    matcher.method ?? 'any method',
    matcher.path === undefined ? 'any path' : String(matcher.path),
  ];
  if (matcher.operation) parts.push(`operation ${matcher.operation}`);
  if (matcher.installationId !== undefined) parts.push(`installation ${matcher.installationId}`);
  return parts.join(' ');
}

/** The GraphQL operation a request body names, as `query Name` or `mutation Name`. */
export function operationNameOf(body: unknown): string | undefined {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' ? /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] : undefined;
}
