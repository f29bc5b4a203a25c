/**
 * Puppet code holds ERB inline (`inline_template()`), which is read with the template grammar.
 * A run whose only files are manifests must load that grammar too: this file runs in a process
 * of its own, where no template file has loaded it before.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analyze.js';

const MANIFEST = `class web {
  file { '/etc/motd':
    content => inline_template("<%= \`hostname -f\` %>"),
  }
}
`;

describe('inline templates in a run without template files', () => {
  it('reads them, and reports the command they run', async () => {
    const result = await analyze([{ path: 'modules/web/manifests/init.pp', content: MANIFEST }]);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((finding) => `${finding.range.line}:${finding.ruleId}`)).toContain(
      '3:template-code-execution',
    );
  });
});
