import type { Rule } from '../rule.js';
import type { Language } from '../../model/model.js';
import { assignments, type Assignment } from '../support/assignments.js';
import { literalText, ownStrings, removesResource } from '../support/values.js';
import { isSecretName, isUserName, nameWords } from '../support/names.js';
import { quote, rangeOfMatch, valueRange } from '../support/source-lines.js';
import {
  ADMIN_ACCOUNTS,
  CONNECTION_USER_KEYS,
  DATABASE_ADMIN_LOGIN,
  LOGIN_WORDS,
  RUNS_AS,
} from '../knowledge/accounts.js';
import { meta } from './meta.js';

/**
 * GLITCH's smell also covers the administrator doing administration: a cron job or command run
 * as root, a module or client logging in as the database administrator to create databases
 * and users, and a key that names the administrator account itself (`admin_user: admin`).
 */
const GLITCH_ONLY = ['glitch'] as const;

/** A key that names the administrator account itself (`admin_user`, `root_user`): its value is an administrator by definition. */
function namesTheAdministrator(assignment: Assignment): boolean {
  return nameWords(assignment.name).some((word) => ADMIN_ACCOUNTS.has(word));
}

/**
 * The account automation itself uses to administer a service (`ctrl_user`, `control_user`,
 * `login_user`): creating databases and users takes the administrator, as a module's `login_user`.
 */
const ADMINISTERING_WORDS = new Set(['ctrl', 'control', 'login']);
function administers(assignment: Assignment): boolean {
  return ADMINISTERING_WORDS.has(nameWords(assignment.name)[0] ?? '');
}

/** A play that runs on the control node itself (`connection: local`): nobody logs in over SSH. */
function runsLocally(assignment: Assignment): boolean {
  return assignment.siblings.some(
    (sibling) => sibling.name === 'connection' && literalText(sibling.value)?.trim() === 'local',
  );
}

/**
 * A user-name key that logs in somewhere: named as a login (`login_user`, `db_username`) or
 * assigned beside a password. For module arguments, only `login_*` and `admin_*` keys.
 */
function isLogin(assignment: Assignment): boolean {
  if (!isUserName(assignment.name)) return false;
  const words = nameWords(assignment.name);
  if (assignment.source === 'argument') return words[0] === 'login' || words.includes('admin');
  return (
    words.some((word) => LOGIN_WORDS.has(word)) ||
    assignment.siblings.some((sibling) => isSecretName(sibling.name))
  );
}

/** `exec { user => 'root' }`, `execute ... user 'root'`, `cron: user: root`: a command run as root. */
function runsAsRoot(assignment: Assignment, language: Language): boolean {
  const unit = assignment.unit;
  return (
    assignment.source === 'argument' &&
    unit !== undefined &&
    RUNS_AS[language]?.[unit.type] === assignment.name &&
    assignment.path.length === 1
  );
}

/** `remote_user: root` on a play or task, `ansible_user: root` in inventory and vars. */
function isConnectionUser(assignment: Assignment): boolean {
  return (
    CONNECTION_USER_KEYS.has(assignment.name) &&
    assignment.source !== 'argument' &&
    (assignment.source === 'keyword' || assignment.name.startsWith('ansible_'))
  );
}

export const adminByDefault: Rule = {
  meta,
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      if (assignment.unit && removesResource(assignment.unit, file.language)) continue;
      for (const value of ownStrings(assignment.value)) {
        if (!DATABASE_ADMIN_LOGIN.test(value.value)) continue;
        const login = DATABASE_ADMIN_LOGIN.exec(value.value)?.[0] ?? '';
        report({
          range: rangeOfMatch(file, value.range, DATABASE_ADMIN_LOGIN),
          message: `a database client logs in as the administrator: ${quote(login)}`,
          profiles: GLITCH_ONLY,
        });
      }
      const written = literalText(assignment.value)?.trim();
      const account = written?.toLowerCase();
      if (!written || !account || !ADMIN_ACCOUNTS.has(account)) continue;
      const range = valueRange(file, assignment.value);
      if (account === 'root' && runsAsRoot(assignment, file.language)) {
        report({
          range,
          message: `\`${assignment.unit?.typeAsWritten}\` runs its command as ${quote(written)}`,
          profiles: GLITCH_ONLY,
        });
      } else if (isConnectionUser(assignment)) {
        // On the control node itself (`connection: local`) nobody logs in; GLITCH still counts it.
        if (account === 'root')
          report({
            range,
            message: `\`${assignment.name}: ${written}\` makes Ansible log in over SSH as root`,
            ...(runsLocally(assignment) ? { profiles: GLITCH_ONLY } : {}),
          });
      } else if (isLogin(assignment)) {
        const glitchOnly =
          namesTheAdministrator(assignment) ||
          administers(assignment) ||
          assignment.source === 'argument';
        report({
          range,
          message: `\`${assignment.name}\` logs in as the administrator account ${quote(written)} by default`,
          ...(glitchOnly ? { profiles: GLITCH_ONLY } : {}),
        });
      }
    }
  },
};
