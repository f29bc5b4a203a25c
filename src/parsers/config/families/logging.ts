import type { FormatSpec } from '../format-spec.js';

/** Where the host's security records go: the audit daemon and the syslog and journal forwarders. */
export const LOGGING_FORMATS: readonly FormatSpec[] = [
  {
    format: 'auditd',
    label: 'auditd.conf',
    syntax: 'key-equals',
    files: '`auditd.conf`, or deployed to `/etc/audit/auditd.conf`',
    checks: 'audit records dropped on a full disk or not written (`audit-logging-weakened`)',
    name: /(^|[._-])auditd\.conf$/i,
    destination: /^\/etc\/audit\/auditd\.conf$/,
  },
  {
    format: 'rsyslog',
    label: 'rsyslog',
    // One forwarding rule a line (`*.* @@logs:514`); legacy `$Directives` are read as lines too.
    syntax: 'rule-lines',
    files: '`rsyslog.conf`, `rsyslog.d/*`, or deployed to `/etc/rsyslog.conf` or `/etc/rsyslog.d/`',
    checks: 'logs forwarded over plain UDP or TCP (`plaintext-log-forwarding`)',
    name: /(^|[._-])rsyslog\.conf$/i,
    folder: /(^|\/)rsyslog\.d$/,
    destination: /^\/etc\/rsyslog\.conf$|^\/etc\/rsyslog\.d\/[^/]+$/,
  },
  {
    format: 'journal-upload',
    label: 'journal-upload.conf',
    syntax: 'ini',
    files: '`journal-upload.conf`, or deployed to `/etc/systemd/journal-upload.conf`',
    checks: 'the journal uploaded over `http://` (`plaintext-log-forwarding`)',
    name: /(^|[._-])journal-upload\.conf$/i,
    folder: /(^|\/)journal-upload\.conf\.d$/,
    destination: /^\/etc\/systemd\/journal-upload\.conf(\.d\/[^/]+)?$/,
  },
];
