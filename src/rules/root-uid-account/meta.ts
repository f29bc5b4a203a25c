import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'root-uid-account',
  title: 'Non-root account with UID 0 or a duplicate UID',
  severity: 'high',
  category: 'privileged-account',
  languages: ['ansible', 'puppet', 'chef'],
  description:
    "An account other than `root` is created with UID 0. The kernel knows users by UID only, so the account is root under another name: it passes every permission check, and logins and audit records show a name that reviewers do not read as root. It is the classic backdoor account. Two accounts of different names sharing any other UID are one identity as well (medium): each owns the other's files and processes, and nothing tells their actions apart.",
  remediation:
    'Give the account a UID of its own (a system UID below 1000 for a service, the next free one for a person, or none, to let the system choose) and grant the root privileges it really needs through narrowly scoped sudo rules.',
  cwe: 'CWE-269',
  catalog: ['PRIV-02'],
};
