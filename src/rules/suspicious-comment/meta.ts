import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'suspicious-comment',
  title: 'Comment flags a known weakness',
  severity: 'low',
  category: 'suspicious-comment',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'A comment marks code as unfinished, wrong or a workaround (`TODO`, `FIXME`, `HACK`, `XXX`) and says that what is left undone is security: a certificate not verified, a password in clear, SELinux off, authentication disabled "for now". The weakness is known and only tracked in a comment. In the `glitch` profile every such marker is reported, as GLITCH defines the smell.',
  remediation:
    'Fix the weakness the comment describes, or track it in the issue tracker with an owner and link the issue, so that the risk is accepted by someone rather than left in a comment.',
  cwe: 'CWE-546',
  catalog: [],
};
