import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'plaintext-log-forwarding',
  title: 'Logs forwarded to a remote server in plain text',
  severity: 'medium',
  category: 'cleartext-transmission',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    'An rsyslog configuration the code deploys forwards logs over UDP (`*.* @logs:514`), or over TCP without TLS (`*.* @@logs:514`, an `omfwd` action without `StreamDriverMode="1"`), or `journal-upload.conf` sends the journal to an `http://` URL. Logs carry user names, host names, commands and sometimes secrets; in plain text anyone on the path reads them, and can forge or drop the messages a central log server is there to keep.',
  remediation:
    'Forward over TLS: in rsyslog, `$DefaultNetstreamDriver gtls` with `$ActionSendStreamDriverMode 1` and `$ActionSendStreamDriverAuthMode x509/name` for `@@` rules, or `action(type="omfwd" protocol="tcp" StreamDriver="gtls" StreamDriverMode="1" StreamDriverAuthMode="x509/name" ...)`; point `journal-upload` at an `https://` URL with its certificate settings.',
  cwe: 'CWE-319',
  catalog: ['LOG-05'],
};
