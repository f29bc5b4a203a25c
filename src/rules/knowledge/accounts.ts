/**
 * Accounts: which accounts are administrators, which keys choose the account a service or
 * Ansible logs in with, which task and resource types run something as a named user, and what
 * a database client's command line looks like when it logs in as the administrator.
 */
import type { Language } from '../../engine/model.js';

/** Accounts with every privilege on the system or service they log in to. */
export const ADMIN_ACCOUNTS: ReadonlySet<string> = new Set([
  'root',
  'admin',
  'administrator',
  'superuser',
  'sa',
  'sysadmin',
  'postgres',
  'system',
]);

/** Keys that choose the account Ansible itself logs in with over SSH. */
export const CONNECTION_USER_KEYS: ReadonlySet<string> = new Set([
  'remote_user',
  'user',
  'ansible_user',
  'ansible_ssh_user',
]);

/** Words that make a user-name key a login to a service rather than an owner or a run-as account. */
export const LOGIN_WORDS: ReadonlySet<string> = new Set([
  'login',
  'username',
  'admin',
  'db',
  'database',
]);

/** Types that run a command or job as the account in the given attribute. */
export const RUNS_AS: Record<Language, Readonly<Record<string, string>>> = {
  ansible: { cron: 'user' },
  puppet: { exec: 'user', cron: 'user' },
  chef: {
    execute: 'user',
    bash: 'user',
    script: 'user',
    cron: 'user',
    cron_d: 'user',
    ruby_block: 'user',
    git: 'user',
  },
};

/** `mysql -u root`, `mysqladmin -uroot`, `mysql --user=root`, `psql -U postgres`. */
export const DATABASE_ADMIN_LOGIN =
  /\b(mysql|mysqladmin|mysqldump|mariadb)\b[^|;&\n]*?(\s-u\s*|\s--user[=\s])['"]?root\b|\bpsql\b[^|;&\n]*?(\s-U\s*|\s--username[=\s])['"]?postgres\b/;
