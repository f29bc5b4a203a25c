import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'weak-secret-generator',
  title: 'Password generated with the openssl cookbook helper',
  severity: 'low',
  category: 'secret-exposure',
  languages: ['chef'],
  description:
    "A password comes from `secure_password`, the helper of the openssl cookbook that recipes mixed in to make up database and service passwords (`node.normal_unless['mysql']['server_root_password'] = secure_password`). The helper is deprecated and gone from current openssl cookbooks, and the pattern it served stores the generated secret as a node attribute: in plaintext on the Chef server, readable by every node and user that can read or search nodes, and lost when the node is rebuilt.",
  remediation:
    'Generate the secret once, outside the node, and keep it in Chef Vault or an encrypted data bag that the recipe reads (`chef_vault_item`, `data_bag_item` with a secret). Where a recipe must make one up, use `SecureRandom` from the Ruby standard library and never store the result in node attributes.',
  cwe: 'CWE-256',
  catalog: ['SEC-13'],
};
