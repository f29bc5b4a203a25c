/**
 * GitHub requests whose answers run to megabytes (a comparison with its patches, the blobs of a
 * change, a repository's tree). Octokit parses every JSON answer with a big-integer-aware parser
 * that, on Node 20, runs a regular expression over the whole text and a reviver over every value:
 * a second or more on the thread that also answers webhooks. These answers hold no integer past
 * 2^53, so they are read as a stream and parsed with the native `JSON.parse`.
 */
import type { GitHubClient } from './review-target.js';

type RequestParameters = Record<string, unknown>;

export async function requestLargeJson<T>(
  octokit: GitHubClient,
  route: string,
  parameters: RequestParameters,
): Promise<{ data: T; headers: Record<string, string | undefined> }> {
  const response = await octokit.request(route, {
    ...parameters,
    request: { parseSuccessResponseBody: false },
  });
  const body = response.data as unknown as ReadableStream<Uint8Array> | null;
  return {
    data: (await new Response(body).json()) as T,
    headers: response.headers as Record<string, string | undefined>,
  };
}

/** GitHub's GraphQL endpoint for the client's REST root: `/api/graphql` on GitHub Enterprise Server. */
export function graphqlRoute(octokit: GitHubClient): string {
  const baseUrl = String(octokit.request.endpoint.DEFAULTS.baseUrl);
  const enterprise = /\/api\/v3\/?$/;
  return `POST ${enterprise.test(baseUrl) ? baseUrl.replace(enterprise, '/api/graphql') : `${baseUrl.replace(/\/$/, '')}/graphql`}`;
}
