import { describe, expect, it } from 'vitest';
import { inlineCommentBody } from '../../src/report/comment-body.js';
import { parsePatch, type DiffMap } from '../../src/review/diff-map.js';
import type { Finding } from '../../src/model/finding.js';
import { fingerprintAll } from '../../src/engine/fingerprint.js';
import {
  MAX_FILE_COMMENTS,
  MAX_INLINE_COMMENTS,
  planComments,
  type CommentOptions,
} from '../../src/review/inline-comments.js';
import { makeFinding } from '../support/findings.js';

const PATH = 'roles/web/tasks/main.yml';
// Lines 1–4 form hunk 0 (2 and 3 added), lines 20–22 hunk 1 (21 and 22 added).
const DIFF: DiffMap = new Map([
  [
    PATH,
    parsePatch(
      '@@ -1,2 +1,4 @@\n one\n+two\n+three\n four\n@@ -18,1 +20,3 @@\n twenty\n+twenty-one\n+twenty-two',
    ),
  ],
]);
const lineText = (_path: string, line: number) => `line ${line}`;

/** The inline comments for `findings`, fingerprinted in order as the review flow does. */
function planInlineComments(
  findings: readonly Finding[],
  diffMap: DiffMap,
  text = lineText,
  options?: CommentOptions,
) {
  const prints = fingerprintAll(findings, (finding) => text(finding.path, finding.range.line));
  return planComments(
    findings.map((finding, index) => ({ finding, fingerprint: prints[index] ?? '' })),
    diffMap,
    options,
  ).inline;
}

describe('planInlineComments', () => {
  it('anchors comments to added lines only', () => {
    const findings = [1, 2, 4, 10, 21].map((line) => makeFinding({ line }));
    expect(planInlineComments(findings, DIFF, lineText).map((comment) => comment.line)).toEqual([
      2, 21,
    ]);
  });

  it('spans a range only when both ends sit in one hunk, otherwise comments on the first line', () => {
    const inOneHunk = makeFinding({ range: { line: 2, column: 1, endLine: 4, endColumn: 3 } });
    const acrossHunks = makeFinding({ range: { line: 3, column: 1, endLine: 21, endColumn: 3 } });
    const [first, second] = planInlineComments([inOneHunk, acrossHunks], DIFF, lineText);
    expect(first).toMatchObject({ start_line: 2, start_side: 'RIGHT', line: 4, side: 'RIGHT' });
    expect(second).toMatchObject({ line: 3, side: 'RIGHT' });
    expect(second).not.toHaveProperty('start_line');
  });

  it('does not count a range that ends at column 1 of the next line as covering that line', () => {
    const block = makeFinding({ range: { line: 2, column: 1, endLine: 4, endColumn: 1 } });
    expect(planInlineComments([block], DIFF, lineText)[0]).toMatchObject({
      start_line: 2,
      line: 3,
    });
  });

  it('offers a suggestion only when it replaces exactly the commented lines', () => {
    const exact = makeFinding({
      line: 2,
      suggestion: { line: 2, endLine: 2, replacement: 'fixed' },
    });
    const wider = makeFinding({
      line: 21,
      suggestion: { line: 21, endLine: 22, replacement: 'fixed\nfixed' },
    });
    const [withSuggestion, without] = planInlineComments([exact, wider], DIFF, lineText);
    expect(withSuggestion?.body).toContain('```suggestion\nfixed\n```');
    expect(without?.body).not.toContain('suggestion');
  });

  it(`keeps the ${MAX_INLINE_COMMENTS} most severe, then orders by path and line`, () => {
    const many = new Map([
      [
        PATH,
        parsePatch(
          `@@ -0,0 +1,40 @@\n${Array.from({ length: 40 }, (_, i) => `+line ${i + 1}`).join('\n')}`,
        ),
      ],
    ]);
    const findings = Array.from({ length: 40 }, (_, index) =>
      makeFinding({ line: index + 1, severity: index % 4 === 0 ? 'critical' : 'low' }),
    );
    const comments = planInlineComments(findings, many, lineText);
    expect(comments).toHaveLength(MAX_INLINE_COMMENTS);
    expect(comments.slice(0, 10).map((comment) => comment.line)).toEqual([
      1, 5, 9, 13, 17, 21, 25, 29, 33, 37,
    ]);
    expect(comments.slice(10).map((comment) => comment.line)).toEqual([
      2, 3, 4, 6, 7, 8, 10, 11, 12, 14, 15, 16, 18, 19, 20, 22, 23, 24, 26, 27,
    ]);
  });

  it('gives the same finding the same fingerprint when lines above it move', () => {
    const moved = new Map([
      [PATH, parsePatch('@@ -0,0 +1,30 @@\n' + Array.from({ length: 30 }, () => '+x').join('\n'))],
    ]);
    const text = (_path: string, line: number) =>
      line === 2 || line === 12 ? '  shell: curl x | sh' : 'other';
    const [before] = planInlineComments([makeFinding({ line: 2 })], moved, text);
    const [after] = planInlineComments([makeFinding({ line: 12 })], moved, text);
    const marker = (body: string | undefined) =>
      body?.match(/<!-- posture:fingerprint=(\S+) -->/)?.[1];
    expect(marker(before?.body)).toBeDefined();
    expect(marker(before?.body)).toBe(marker(after?.body));
  });
});

describe('planComments', () => {
  const fingerprinted = (findings: readonly Finding[]) => {
    const prints = fingerprintAll(findings, (finding) =>
      lineText(finding.path, finding.range.line),
    );
    return findings.map((finding, index) => ({ finding, fingerprint: prints[index] ?? '' }));
  };
  const options = (overrides: Partial<CommentOptions> = {}): CommentOptions => ({
    contextLines: false,
    outsideDiff: false,
    alreadyCommented: new Map(),
    ...overrides,
  });

  it('comments on unchanged lines of the diff only when the policy asks for context lines', () => {
    const onContext = fingerprinted([makeFinding({ line: 4 })]);
    expect(planComments(onContext, DIFF, options()).inline).toEqual([]);
    expect(
      planComments(onContext, DIFF, options({ contextLines: true })).inline.map(
        (comment) => comment.line,
      ),
    ).toEqual([4]);
  });

  it('comments on the file, naming the line, for findings outside the diff when the policy asks', () => {
    const outside = fingerprinted([
      makeFinding({ line: 10 }),
      makeFinding({ line: 11, path: 'roles/db/tasks/main.yml' }),
    ]);
    expect(planComments(outside, DIFF, options()).onFiles).toEqual([]);
    const plan = planComments(outside, DIFF, options({ outsideDiff: true }));
    expect(plan.inline).toEqual([]);
    expect(plan.onFiles.map((comment) => comment.path)).toEqual(['roles/db/tasks/main.yml', PATH]);
    expect(plan.onFiles[1]?.body).toContain('· line 10, outside the diff');
    expect(plan.onFiles[1]?.body).toMatch(/<!-- posture:fingerprint=[0-9a-f]{64}:1 -->$/);
    const many = fingerprinted(
      Array.from({ length: MAX_FILE_COMMENTS + 5 }, (_, index) =>
        makeFinding({ line: 30 + index }),
      ),
    );
    expect(planComments(many, DIFF, options({ outsideDiff: true })).onFiles).toHaveLength(
      MAX_FILE_COMMENTS,
    );
  });

  it('skips a finding whose comment from an earlier push is still visible, one comment per finding', () => {
    const twice = fingerprinted([makeFinding({ line: 2 }), makeFinding({ line: 3 })]);
    const lineTwo = twice[0]?.fingerprint.split(':')[0] ?? '';
    const plan = planComments(twice, DIFF, options({ alreadyCommented: new Map([[lineTwo, 1]]) }));
    expect(plan.inline.map((comment) => comment.line)).toEqual([3]);
    expect(plan.alreadyCommented).toBe(1);
  });
});

describe('inlineCommentBody', () => {
  it('shows the severity, the rule, the message, the remedy and the hidden marker, readable without a link', () => {
    const body = inlineCommentBody({
      finding: makeFinding(),
      fingerprint: 'abc:1',
      offerSuggestion: false,
    });
    expect(body).toMatch(/^\*\*🟧 High\*\* · Remote script piped into a shell `pipe-to-shell`/);
    expect(body).toContain(
      '\n\na downloaded script is run without being verified\n\n**How to fix:** ',
    );
    expect(body.endsWith('<!-- posture:fingerprint=abc:1 -->')).toBe(true);
  });

  it('links the rule to its documentation where the deployment keeps it', () => {
    const body = inlineCommentBody({
      finding: makeFinding(),
      fingerprint: 'abc:1',
      offerSuggestion: false,
      docsBase: 'https://ghe.example.com/sec/posture/blob/v1.4.0/src/rules',
    });
    expect(body).toMatch(
      /^\*\*🟧 High\*\* · \[Remote script piped into a shell\]\(https:\/\/ghe\.example\.com\/sec\/posture\/blob\/v1\.4\.0\/src\/rules\/pipe-to-shell\/README\.md\) `pipe-to-shell`/,
    );
  });

  it('fences a suggestion with more backticks than any run inside it', () => {
    const finding = makeFinding({
      suggestion: { line: 3, endLine: 3, replacement: '  cmd: echo ```` done\n' },
    });
    const body = inlineCommentBody({ finding, fingerprint: 'f', offerSuggestion: true });
    expect(body).toContain('`````suggestion\n  cmd: echo ```` done\n`````');
  });

  it('writes an empty suggestion as a deletion of the lines', () => {
    const finding = makeFinding({ suggestion: { line: 3, endLine: 3, replacement: '' } });
    expect(inlineCommentBody({ finding, fingerprint: 'f', offerSuggestion: true })).toContain(
      '```suggestion\n```',
    );
  });
});
