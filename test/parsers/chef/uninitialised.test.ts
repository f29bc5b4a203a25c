import { describe, expect, it } from 'vitest';
import { parseChef } from '../../../src/parsers/chef/parse-chef.js';

describe('Chef parser before initChefParser()', () => {
  it('returns a file error instead of throwing', () => {
    expect(parseChef('recipes/default.rb', `package 'x'`)).toEqual({
      ok: false,
      error: {
        path: 'recipes/default.rb',
        kind: 'internal',
        message: 'Ruby parser not initialised: call initChefParser() first',
      },
    });
  });
});
