import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'cloud-iam-full-privileges',
  title: 'Cloud identity granted full privileges',
  severity: 'high',
  category: 'privileged-account',
  languages: ['ansible'],
  description:
    'A task gives a cloud identity every privilege: an AWS policy (`iam_policy`, `iam_managed_policy`) whose statement allows `"Action": "*"` on `"Resource": "*"` (or `iam:*`), the `AdministratorAccess` or `IAMFullAccess` managed policy attached to a role, user or group, an Azure role definition allowing `*`, or the Azure Owner role assigned. Whoever obtains the identity\'s credentials (a leaked key, a compromised instance using the role) controls the whole account.',
  remediation:
    'Grant the actions the workload calls on the resources it uses (`s3:GetObject` on `arn:aws:s3:::app-data/*`), starting from the access the identity has actually used (IAM Access Analyzer can generate such a policy). Keep administrator access for people, behind MFA and a role they assume, not for machines.',
  cwe: 'CWE-250',
  catalog: ['PRIV-13'],
};
