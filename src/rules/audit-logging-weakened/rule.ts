import type { Rule } from '../rule.js';
import { checkSettings, type Verdict } from '../support/config-settings.js';
import { lookupTable } from '../../shared/lookup-table.js';
import { meta } from './meta.js';

type Judgement = (value: string) => Verdict | undefined;

const IGNORE = /^ignore$/i;

/**
 * What an `auditd.conf` setting does when it lets audit records be lost, by lower-case name.
 * auditd's own defaults (`disk_full_action = SUSPEND`, `space_left_action = SYSLOG`,
 * `max_log_file_action = ROTATE`) are not findings: only values that drop records more quietly
 * than the defaults, or stop writing them, are.
 */
const JUDGEMENTS: Readonly<Record<string, Judgement>> = lookupTable({
  write_logs: (value) =>
    /^(no|false)$/i.test(value)
      ? { problem: 'auditd writes no audit records to disk: there is no local trail to read' }
      : undefined,
  disk_full_action: (value) => {
    if (IGNORE.test(value))
      return {
        problem:
          'when the audit partition is full, auditd carries on without writing records and without a word: events from then on are lost unseen',
      };
    return /^rotate$/i.test(value)
      ? {
          problem:
            'when the audit partition is full, auditd deletes the oldest audit logs to make room: an attacker who fills the disk erases the records of how they got in',
          severity: 'low',
        }
      : undefined;
  },
  disk_error_action: (value) =>
    IGNORE.test(value)
      ? {
          problem:
            'auditd ignores errors writing its log: records that fail to be written are lost without a warning',
        }
      : undefined,
  space_left_action: (value) =>
    IGNORE.test(value)
      ? {
          problem:
            'nobody is warned when the audit partition runs low: the first sign is records being lost',
          severity: 'low',
        }
      : undefined,
  admin_space_left_action: (value) =>
    IGNORE.test(value)
      ? {
          problem:
            'auditd does nothing when the audit partition is nearly full, where its default suspends logging for an administrator to act: records are lost at the next step without a warning',
          severity: 'low',
        }
      : undefined,
});

export const auditLoggingWeakened: Rule = {
  meta,
  check(context) {
    checkSettings(context, ['auditd'], (name, value) => JUDGEMENTS[name.toLowerCase()]?.(value));
  },
};
