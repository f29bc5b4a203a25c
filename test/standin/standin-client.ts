/** Calls to the GitHub stand-in the way an app makes them: an installation token from a signed app JWT, then REST and GraphQL. */
import { signAppJwt, type GitHubStandin } from '../support/github-standin.js';

export interface ApiAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function installationToken(
  standin: GitHubStandin,
  installationId: number,
): Promise<string> {
  const answer = await call(
    standin,
    `Bearer ${signAppJwt(standin.privateKey, standin.appId)}`,
    'POST',
    `/app/installations/${installationId}/access_tokens`,
  );
  if (answer.status !== 201)
    throw new Error(
      `no token for installation ${installationId}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  return (answer.body as { token: string }).token;
}

export function rest(
  standin: GitHubStandin,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  return call(standin, `token ${token}`, method, path, body);
}

export async function graphql(
  standin: GitHubStandin,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ApiAnswer> {
  const response = await fetch(`http://${standin.host}/api/graphql`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

async function call(
  standin: GitHubStandin,
  authorization: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> {
  const response = await fetch(`${standin.apiUrl}${path}`, {
    method,
    headers: {
      authorization,
      accept: 'application/vnd.github+json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
