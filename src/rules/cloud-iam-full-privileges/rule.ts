import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { checkArguments, type ArgumentCheck, type Verdict } from '../support/module-arguments.js';
import { grantsEverything, grantsWholeService, statementsOf } from '../support/policy-documents.js';
import { literalText } from '../support/values.js';
import { meta } from './meta.js';

/**
 * AWS managed policies that make an identity an administrator: `AdministratorAccess` outright,
 * `IAMFullAccess` by letting it grant itself anything.
 */
const ADMIN_MANAGED_POLICIES: ReadonlyMap<string, Exclude<Verdict, string>> = new Map([
  [
    'administratoraccess',
    {
      problem:
        'makes the identity an administrator of the whole AWS account: every action on every resource',
      severity: 'high',
    },
  ],
  [
    'iamfullaccess',
    {
      problem:
        'lets the identity create users, keys and policies, so it can grant itself any privilege',
      severity: 'medium',
    },
  ],
]);

/** `AdministratorAccess` or `arn:aws:iam::aws:policy/AdministratorAccess`, by its last segment. */
function managedPolicyVerdict(value: Value): Verdict | undefined {
  const text = literalText(value)?.trim();
  if (!text) return undefined;
  return ADMIN_MANAGED_POLICIES.get((text.split('/').at(-1) ?? text).toLowerCase());
}

/** A policy document that allows every action on every resource, or every IAM action. */
function policyVerdict(value: Value): Verdict | undefined {
  const statements = statementsOf(value);
  if (statements.some(grantsEverything))
    return {
      problem:
        'allows `"Action": "*"` on `"Resource": "*"`: every action on every resource, an administrator of the account',
      severity: 'high',
    };
  const service = statements.map(grantsWholeService).find((found) => found === 'iam:*');
  return service
    ? {
        problem: `allows \`"${service}"\` on every resource, so whoever holds it can grant itself any privilege`,
        severity: 'medium',
      }
    : undefined;
}

/** Azure's built-in Owner role: every action, including granting roles to others. */
const AZURE_OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';

const CHECKS: readonly ArgumentCheck[] = [
  { modules: ['iam_policy'], path: ['policy_json'], judge: policyVerdict },
  { modules: ['iam_managed_policy'], path: ['policy'], judge: policyVerdict },
  {
    modules: ['iam_role', 'iam_user', 'iam_group'],
    path: ['managed_policies'],
    judge: managedPolicyVerdict,
    eachItem: true,
  },
  {
    modules: ['iam_role', 'iam_user', 'iam_group'],
    path: ['managed_policy'],
    judge: managedPolicyVerdict,
    eachItem: true,
  },
  {
    modules: ['azure_rm_roledefinition'],
    path: ['permissions', 'actions'],
    judge: (value) =>
      literalText(value)?.trim() === '*'
        ? 'allows every action wherever the role is assigned: an owner of its scopes'
        : undefined,
    eachItem: true,
  },
  {
    modules: ['azure_rm_roleassignment'],
    path: ['role_definition_id'],
    judge: (value) =>
      literalText(value)?.toLowerCase().endsWith(AZURE_OWNER_ROLE)
        ? 'assigns the built-in Owner role: every action on the scope, including granting roles to others'
        : undefined,
    severity: 'medium',
  },
];

export const cloudIamFullPrivileges: Rule = {
  meta,
  check(context) {
    checkArguments(context, CHECKS);
  },
};
