import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'database-without-authentication',
  title: 'Database or cache lets clients in without a password',
  severity: 'high',
  category: 'database-without-authentication',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "A database or cache configuration the code deploys lets clients in without proving who they are: MySQL or MariaDB with `skip-grant-tables`, PostgreSQL `pg_hba.conf` rules with `trust` (from other hosts: high; on the host itself: medium, any local account becomes the database user), Redis with `protected-mode no` and no `requirepass`, MongoDB with `authorization: disabled` while it listens beyond the host; and, less severe, MySQL's `local-infile` and PostgreSQL's clear-text `password` method from other hosts. Read from templates and files (`my.cnf`, `pg_hba.conf`, `redis.conf`, `mongod.conf`), lines tasks write into them, and the `pg_hba.conf` rules `postgresql_pg_hba`, `postgresql::server::pg_hba_rule` and `postgresql_access` add; a value given by a variable is reported where the variable is set.",
  remediation:
    'Never ship `skip-grant-tables`; use `scram-sha-256` (or `cert`, `peer` on the Unix socket) in `pg_hba.conf` instead of `trust` and `password`; keep Redis in protected mode or set `requirepass` (better, ACL users); set MongoDB `security.authorization: enabled`; leave `local-infile` off.',
  cwe: 'CWE-306',
  catalog: ['HARD-12', 'HARD-13'],
};
