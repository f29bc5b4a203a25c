import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { checkArguments, type ArgumentCheck, type Verdict } from '../support/module-arguments.js';
import { allowsAnyone, statementsOf } from '../support/policy-documents.js';
import { isFalse, isTrue, literalText } from '../support/values.js';
import { awsRuleVerdict, azureRuleVerdict, gcpFirewallVerdict } from './management-ports.js';
import { meta } from './meta.js';

const PUBLIC_DATABASE =
  'gives the database a public address and endpoint: its login is all that stands between it and the internet';

function whenTrue(problem: string): ArgumentCheck['judge'] {
  return (value: Value) => (isTrue(value) ? problem : undefined);
}

function lower(value: Value): string | undefined {
  return literalText(value)?.trim().toLowerCase();
}

/** S3 canned ACLs that open a bucket or object beyond the account. */
function cannedAclVerdict(value: Value): Verdict | undefined {
  const acl = lower(value);
  if (acl === 'public-read' || acl === 'public-read-write')
    return `lets anyone on the internet ${acl === 'public-read' ? 'read' : 'read and write'} it`;
  if (acl === 'authenticated-read')
    return { problem: 'lets anyone with any AWS account read it', severity: 'medium' };
  return undefined;
}

/** Google Cloud Storage entities and predefined ACLs that mean everyone. */
function gcsEntityVerdict(value: Value): Verdict | undefined {
  const entity = lower(value);
  if (entity === 'allusers') return 'grants access to anyone on the internet';
  if (entity === 'allauthenticatedusers')
    return 'grants access to anyone with any Google account, which is anyone';
  return undefined;
}

function gcsPredefinedVerdict(value: Value): Verdict | undefined {
  const acl = lower(value);
  return acl === 'publicread' || acl === 'publicreadwrite'
    ? `lets anyone on the internet ${acl === 'publicread' ? 'read' : 'read and write'} the bucket's objects`
    : undefined;
}

const BLOCK_SWITCH_OFF: Verdict = {
  problem:
    "turns off one of S3's guards against public buckets, so a later ACL or policy can make the bucket public",
  severity: 'medium',
};

const CHECKS: readonly ArgumentCheck[] = [
  {
    modules: ['rds_instance', 'rds', 'redshift', 'dms_replication_instance'],
    path: ['publicly_accessible'],
    judge: whenTrue(PUBLIC_DATABASE),
  },
  { modules: ['s3_bucket'], path: ['acl'], judge: cannedAclVerdict },
  {
    modules: ['s3_object', 'aws_s3'],
    path: ['permission'],
    judge: cannedAclVerdict,
    eachItem: true,
  },
  ...[
    'block_public_acls',
    'ignore_public_acls',
    'block_public_policy',
    'restrict_public_buckets',
  ].map((name): ArgumentCheck => ({
    modules: ['s3_bucket'],
    path: ['public_access', name],
    judge: (value) => (isFalse(value) ? BLOCK_SWITCH_OFF : undefined),
  })),
  {
    modules: ['s3_bucket'],
    path: ['delete_public_access'],
    judge: (value) =>
      isTrue(value)
        ? {
            problem:
              "removes the bucket's public access block, so a later ACL or policy can make it public",
            severity: 'medium',
          }
        : undefined,
  },
  {
    modules: ['s3_bucket', 's3_bucket_policy'],
    path: ['policy'],
    judge: (value) =>
      statementsOf(value).some(allowsAnyone)
        ? 'allows `"Principal": "*"` with no condition: anyone on the internet can do what the statement allows'
        : undefined,
  },
  {
    modules: ['azure_rm_storageaccount'],
    path: ['allow_blob_public_access'],
    judge: (value) =>
      isTrue(value)
        ? {
            problem:
              "lets the account's containers be made public: one `public_access` setting away from an open bucket",
            severity: 'medium',
          }
        : undefined,
  },
  {
    modules: ['azure_rm_storageblob'],
    path: ['public_access'],
    judge: (value) => {
      const access = lower(value);
      return access === 'blob' || access === 'container'
        ? `lets anyone on the internet read ${access === 'container' ? 'and list ' : ''}the container's blobs`
        : undefined;
    },
  },
  {
    modules: [
      'azure_rm_sqlfirewallrule',
      'azure_rm_postgresqlfirewallrule',
      'azure_rm_postgresqlflexiblefirewallrule',
      'azure_rm_mysqlfirewallrule',
      'azure_rm_mysqlflexiblefirewallrule',
      'azure_rm_mariadbfirewallrule',
    ],
    path: ['end_ip_address'],
    judge: (value, { siblings }) => {
      const start = siblings.find((attribute) => attribute.name === 'start_ip_address');
      return lower(value) === '255.255.255.255' &&
        start !== undefined &&
        literalText(start.value)?.trim() === '0.0.0.0'
        ? "opens the database server's firewall to every address on the internet"
        : undefined;
    },
  },
  {
    modules: ['gcp_storage_bucket'],
    path: ['predefined_acl'],
    judge: gcsPredefinedVerdict,
  },
  {
    modules: ['gcp_storage_bucket'],
    path: ['predefined_default_object_acl'],
    judge: gcsPredefinedVerdict,
  },
  { modules: ['gcp_storage_bucket'], path: ['acl', 'entity'], judge: gcsEntityVerdict },
  {
    modules: ['gcp_storage_bucket'],
    path: ['default_object_acl', 'entity'],
    judge: gcsEntityVerdict,
  },
  {
    modules: [
      'gcp_storage_bucket_access_control',
      'gcp_storage_object_access_control',
      'gcp_storage_default_object_acl',
    ],
    path: ['entity'],
    judge: gcsEntityVerdict,
  },
  {
    modules: ['gcp_sql_instance'],
    path: ['settings', 'ip_configuration', 'authorized_networks', 'value'],
    judge: (value) =>
      lower(value) === '0.0.0.0/0'
        ? 'authorizes every address on the internet to connect to the database instance'
        : undefined,
  },
  {
    modules: ['ec2_security_group', 'ec2_group'],
    path: ['rules', 'cidr_ip'],
    judge: awsRuleVerdict,
  },
  {
    modules: ['ec2_security_group', 'ec2_group'],
    path: ['rules', 'cidr_ipv6'],
    judge: awsRuleVerdict,
  },
  {
    modules: ['azure_rm_securitygroup'],
    path: ['rules', 'source_address_prefix'],
    judge: azureRuleVerdict,
  },
  { modules: ['gcp_compute_firewall'], path: ['source_ranges'], judge: gcpFirewallVerdict },
];

export const publiclyAccessibleCloudResource: Rule = {
  meta,
  check(context) {
    checkArguments(context, CHECKS);
  },
};
