/** The bench's `api` part: GitHub API calls per review against the local GitHub stand-in. */
import { countReviewApiCalls, type ReviewApiCalls } from '../../test/support/review-api-calls.js';
import { fixed, textTable } from '../lib/table.js';

const API_BENCH_FILE_COUNTS = [1, 10, 100, 1000];

export interface ApiCallFigures {
  tasks: ReviewApiCalls[];
  variables: ReviewApiCalls[];
}

export async function measureApiCalls(): Promise<ApiCallFigures> {
  const figures: ApiCallFigures = { tasks: [], variables: [] };
  for (const files of API_BENCH_FILE_COUNTS) {
    figures.tasks.push(await countReviewApiCalls(files, 'tasks'));
    figures.variables.push(await countReviewApiCalls(files, 'variables'));
  }
  return figures;
}

export function printApiCalls({ tasks, variables }: ApiCallFigures): void {
  printTaskApiCalls(tasks);
  console.log(
    'The same when each change is a role default that an unchanged template reads: the review reads the\ntree once and the files the change reaches (budget: 6 + 2⌈changed/100⌉ + ⌈beyond/250⌉ + ⌈annotations/50⌉)\n',
  );
  const header = ['changed files', 'read beyond the diff', 'annotations', 'calls', 'budget'];
  const body = variables.map((row) => [
    row.files,
    row.beyond,
    row.annotations,
    row.total,
    row.budget,
  ]);
  console.log(textTable(header, body, { rightAligned: [0, 1, 2, 3, 4] }));
  console.log('');
}

function printTaskApiCalls(rows: readonly ReviewApiCalls[]): void {
  console.log(
    'GitHub API calls per review, against the local GitHub stand-in (token requests excluded)\n',
  );
  const header = [
    'changed files',
    'calls',
    'REST',
    'GraphQL',
    'naive (2 + 2/file)',
    'calls / naive',
  ];
  const body = rows.map((row) => [
    row.files,
    row.total,
    row.rest,
    row.graphql,
    row.naive,
    `${fixed(row.total / row.naive, 3)}×`,
  ]);
  console.log(textTable(header, body, { rightAligned: [0, 1, 2, 3, 4, 5] }));
  const largest = rows.at(-1);
  if (largest) {
    console.log(`\nWhere the calls of the ${largest.files}-file review go:`);
    for (const [endpoint, count] of Object.entries(largest.byEndpoint))
      console.log(`  ${String(count).padStart(4)}  ${endpoint}`);
  }
  console.log('');
}
