/**
 * Accounts: which accounts are administrators, which keys choose the account a service or
 * Ansible logs in with, which task and resource types run something as a named user or create
 * a local account, and what a database client's command line looks like when it logs in as the
 * administrator.
 */
import type { Language } from '../../model/model.js';
import { lookupTables } from '../../shared/lookup-table.js';

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
export const RUNS_AS: Partial<Record<Language, Readonly<Record<string, string>>>> = lookupTables({
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
});

/** `mysql -u root`, `mysqladmin -uroot`, `mysql --user=root`, `psql -U postgres`. */
export const DATABASE_ADMIN_LOGIN =
  /\b(mysql|mysqladmin|mysqldump|mariadb)\b[^|;&\n]*?(\s-u\s*|\s--user[=\s])['"]?root\b|\bpsql\b[^|;&\n]*?(\s-U\s*|\s--username[=\s])['"]?postgres\b/;

/** A task or resource type that creates a local account: where it names the account and sets its UID. */
export interface UserResource {
  /**
   * The attributes that name the account, the one that wins first: Puppet's `name` over the
   * title, Chef's `username` over the resource's name, Ansible's `user` alias of `name`.
   */
  name: readonly string[];
  uid: string;
}

/** The types that create local accounts, per language. */
export const USER_RESOURCES: Partial<Record<Language, Readonly<Record<string, UserResource>>>> =
  lookupTables({
    ansible: { user: { name: ['name', 'user'], uid: 'uid' } },
    puppet: {
      user: { name: ['name', 'title'], uid: 'uid' },
      'accounts::user': { name: ['name', 'title'], uid: 'uid' },
    },
    chef: {
      user: { name: ['username', 'name'], uid: 'uid' },
      linux_user: { name: ['username', 'name'], uid: 'uid' },
    },
  });

/** The account that has UID 0 by right. */
export const SUPERUSER = 'root';
