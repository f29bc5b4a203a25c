import type { Rule } from '../rule.js';
import { assignmentRange, assignments } from '../support/assignments.js';
import { literalText } from '../support/values.js';
import { isSecretName, isUserName, nameWords } from '../support/names.js';
import type { Assignment } from '../support/assignments.js';
import { ownStrings } from '../support/values.js';
import { rangeOfMatch } from '../support/source-lines.js';
import { DATABASE_ADMIN_LOGIN, RUNS_AS } from '../knowledge/accounts.js';

/** Accounts with every privilege on the system or service they log in to. */
const ADMIN_ACCOUNTS = new Set(['root', 'admin', 'administrator', 'superuser', 'sa', 'sysadmin', 'postgres', 'system']);

/** Keys that choose the account Ansible itself logs in with over SSH. */
const CONNECTION_USER_KEYS = new Set(['remote_user', 'user', 'ansible_user', 'ansible_ssh_user']);

/** Words that make a user-name key a login to a service rather than an owner or a run-as account. */
const LOGIN_WORDS = new Set(['login', 'username', 'admin', 'db', 'database']);

/**
 * A user-name key that logs in somewhere: named as a login (`login_user`, `admin_user`,
 * `db_username`) or assigned beside a password.
 */
function isDefaultLogin(assignment: Assignment): boolean {
  if (!isUserName(assignment.name)) return false;
  const words = nameWords(assignment.name);
  if (assignment.source === 'argument') return words[0] === 'login' || words.includes('admin');
  return words.some((word) => LOGIN_WORDS.has(word)) || assignment.siblings.some((sibling) => isSecretName(sibling.name));
}

/** `exec { user => 'root' }`, `execute ... user 'root'`, `cron: user: root`: a command run as root by choice. */
function runsAsRoot(assignment: Assignment, language: keyof typeof RUNS_AS): boolean {
  const unit = assignment.unit;
  return assignment.source === 'argument' && unit !== undefined && RUNS_AS[language][unit.type] === assignment.name && assignment.path.length === 1;
}

/** `remote_user: root` on a play or task, `ansible_user: root` in inventory and vars. */
function isConnectionUser(assignment: Assignment): boolean {
  return CONNECTION_USER_KEYS.has(assignment.name) && assignment.source !== 'argument' && (assignment.source === 'keyword' || assignment.name.startsWith('ansible_'));
}

export const adminByDefault: Rule = {
  meta: {
    id: 'admin-by-default',
    title: 'Administrator account by default',
    severity: 'medium',
    category: 'admin-by-default',
    languages: ['ansible', 'puppet', 'chef'],
    description:
      'A default login for a service or host is an administrator account (`root`, `admin`, `sa`, ...). Whoever deploys the default runs with every privilege, and logging in directly as root over SSH means `PermitRootLogin` must stay enabled.',
    remediation:
      'Default to a dedicated least-privileged account and grant it only what it needs. For Ansible, connect as an unprivileged user and use `become` for the tasks that need root.',
    cwe: 'CWE-250',
  },
  check({ file, report }) {
    for (const assignment of assignments(file)) {
      for (const value of ownStrings(assignment.value)) {
        if (!DATABASE_ADMIN_LOGIN.test(value.value)) continue;
        report({ range: rangeOfMatch(file, value.range, DATABASE_ADMIN_LOGIN), message: 'a database client logs in as the administrator account' });
      }
      const account = literalText(assignment.value)?.trim().toLowerCase();
      if (!account || !ADMIN_ACCOUNTS.has(account)) continue;
      if (account === 'root' && runsAsRoot(assignment, file.language)) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.unit?.typeAsWritten}\` runs its command as root` });
      } else if (isConnectionUser(assignment)) {
        if (account === 'root') report({ range: assignmentRange(assignment), message: `\`${assignment.name}: root\` logs in over SSH as root` });
      } else if (isDefaultLogin(assignment)) {
        report({ range: assignmentRange(assignment), message: `\`${assignment.name}\` defaults to the administrator account \`${account}\`` });
      }
    }
  },
};
