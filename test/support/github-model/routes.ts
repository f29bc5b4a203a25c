/** REST routing and paging shared by the fake GitHub's endpoints. */

export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface RouteRequest {
  match: RegExpExecArray;
  body: Record<string, unknown>;
  query: URLSearchParams;
  /** the request's path, without the query */
  path: string;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle(request: RouteRequest): FakeResponse;
}

export function ok(body: unknown, headers?: Record<string, string>): FakeResponse {
  return { status: 200, body, ...(headers ? { headers } : {}) };
}

export const NOT_FOUND: FakeResponse = {
  status: 404,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
};

/** `text` as a literal inside a regular expression. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** GitHub's largest page; a larger `per_page` is served as 100. */
export const MAX_PER_PAGE = 100;

export interface PageRequest {
  perPage: number;
  page: number;
}

/** `per_page` and `page` as GitHub reads them: 30 a page unless asked, never more than 100. */
export function pageRequest(query: URLSearchParams, defaultPerPage = 30): PageRequest {
  const perPage = positiveInteger(query.get('per_page')) ?? defaultPerPage;
  return {
    perPage: Math.min(MAX_PER_PAGE, perPage),
    page: positiveInteger(query.get('page')) ?? 1,
  };
}

/** One page of `items` and the `link` header GitHub sends with it (`{api}` stands for the API root). */
export function paginate<T>(
  items: readonly T[],
  request: PageRequest,
  path: string,
  query: URLSearchParams,
): { items: T[]; headers?: Record<string, string> } {
  const { perPage, page } = request;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (target: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.set('per_page', String(perPage));
    params.set('page', String(target));
    return `<{api}${path}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), 'prev'));
  if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { items: slice, ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
}

function positiveInteger(text: string | null): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= 1 ? value : undefined;
}
