import { describe, expect, it } from 'vitest';
import {
  buildAnnotations,
  fileErrorAnnotation,
  findingAnnotation,
} from '../../src/review/annotations.js';
import { makeFinding } from '../support/findings.js';

describe('check-run annotations', () => {
  it('map severities to levels and titles to "rule-id: rule title"', () => {
    const levels = (['critical', 'high', 'medium', 'low'] as const).map(
      (severity) => findingAnnotation(makeFinding({ severity })).annotation_level,
    );
    expect(levels).toEqual(['failure', 'failure', 'warning', 'notice']);
    expect(findingAnnotation(makeFinding()).title).toBe(
      'pipe-to-shell: Remote script piped into a shell',
    );
  });

  it('carry columns (end inclusive) only on single-line findings', () => {
    expect(
      findingAnnotation(makeFinding({ range: { line: 4, column: 5, endLine: 4, endColumn: 20 } })),
    ).toMatchObject({
      start_line: 4,
      end_line: 4,
      start_column: 5,
      end_column: 19,
    });
    const multiLine = findingAnnotation(
      makeFinding({ range: { line: 4, column: 5, endLine: 6, endColumn: 20 } }),
    );
    expect(multiLine).toMatchObject({ start_line: 4, end_line: 6 });
    expect(multiLine).not.toHaveProperty('start_column');
  });

  it('turn a file error into a warning on its line, or on line 1', () => {
    expect(
      fileErrorAnnotation({ path: 'a.yml', kind: 'syntax', line: 7, message: 'bad indentation' }),
    ).toMatchObject({ path: 'a.yml', start_line: 7, end_line: 7, annotation_level: 'warning' });
    expect(
      fileErrorAnnotation({ path: 'b.yml', kind: 'syntax', message: 'too large' }),
    ).toMatchObject({ start_line: 1, end_line: 1 });
  });

  it('put the most severe findings first and file errors last', () => {
    const annotations = buildAnnotations(
      [makeFinding({ severity: 'low', line: 1 }), makeFinding({ severity: 'critical', line: 9 })],
      [{ path: 'x.yml', kind: 'syntax', message: 'broken' }],
    );
    expect(annotations.map((annotation) => annotation.annotation_level)).toEqual([
      'failure',
      'notice',
      'warning',
    ]);
  });
});
