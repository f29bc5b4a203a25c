import { describe, expect, it } from 'vitest';
import { buildDiffMap, parsePatch, startsOnAddedLine } from '../../src/review/diff-map.js';

const entries = (patch: string) =>
  [...parsePatch(patch)].map(([line, { kind, hunk }]) => `${line}:${kind}:${hunk}`);

describe('parsePatch', () => {
  it('numbers right-side lines across hunks, skipping deleted lines', () => {
    const patch = [
      '@@ -3,5 +3,6 @@ - name: Install nginx',
      ' context three',
      '-removed',
      '+added four',
      '+added five',
      ' context six',
      ' context seven',
      '@@ -20,3 +21,2 @@',
      ' context twenty-one',
      '-gone',
      '-also gone',
      '+replacement twenty-two',
    ].join('\n');
    expect(entries(patch)).toEqual([
      '3:context:0',
      '4:added:0',
      '5:added:0',
      '6:context:0',
      '7:context:0',
      '21:context:1',
      '22:added:1',
    ]);
  });

  it('reads a new file and headers whose line counts are left out', () => {
    expect(entries('@@ -0,0 +1,2 @@\n+first\n+second')).toEqual(['1:added:0', '2:added:0']);
    expect(entries('@@ -1 +1 @@\n-old\n+new')).toEqual(['1:added:0']);
  });

  it('ignores "No newline at end of file" markers and text after the last hunk line', () => {
    const patch =
      '@@ -1,2 +1,2 @@\n keep\n-old\n\\ No newline at end of file\n+new\n\\ No newline at end of file\n';
    expect(entries(patch)).toEqual(['1:context:0', '2:added:0']);
  });

  it('treats an empty line inside a hunk as an empty context line', () => {
    expect(entries('@@ -1,3 +1,4 @@\n first\n\n+added\n last')).toEqual([
      '1:context:0',
      '2:context:0',
      '3:added:0',
      '4:context:0',
    ]);
  });
});

describe('buildDiffMap', () => {
  it('has no entry for a file GitHub sent without a patch, so nothing in it counts as added', () => {
    const map = buildDiffMap([{ path: 'a.yml', patch: '@@ -0,0 +1 @@\n+x' }, { path: 'big.yml' }]);
    expect([...map.keys()]).toEqual(['a.yml']);
    expect(startsOnAddedLine(map, { path: 'a.yml', range: { line: 1 } })).toBe(true);
    expect(startsOnAddedLine(map, { path: 'big.yml', range: { line: 1 } })).toBe(false);
  });
});
