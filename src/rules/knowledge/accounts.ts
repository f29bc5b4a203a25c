/**
 * Accounts: which task and resource types run something as a named user, and what a database
 * client's command line looks like when it logs in as the administrator.
 */
import type { Language } from '../../engine/model.js';

/** Types that run a command or job as the account in the given attribute. */
export const RUNS_AS: Record<Language, Readonly<Record<string, string>>> = {
  ansible: { cron: 'user' },
  puppet: { exec: 'user', cron: 'user' },
  chef: { execute: 'user', bash: 'user', script: 'user', cron: 'user', cron_d: 'user', ruby_block: 'user', git: 'user' },
};

/** `mysql -u root`, `mysqladmin -uroot`, `mysql --user=root`, `psql -U postgres`. */
export const DATABASE_ADMIN_LOGIN = /\b(mysql|mysqladmin|mysqldump|mariadb)\b[^|;&\n]*?(\s-u\s*|\s--user[=\s])['"]?root\b|\bpsql\b[^|;&\n]*?(\s-U\s*|\s--username[=\s])['"]?postgres\b/;
