import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'unencrypted-cloud-storage',
  title: 'Cloud storage without encryption at rest',
  severity: 'medium',
  category: 'unencrypted-storage',
  languages: ['ansible'],
  description:
    'A task creates managed storage with encryption at rest turned off: an RDS instance or cluster or a Redshift cluster with `storage_encrypted`/`encrypted: false`, an EBS volume (`ec2_vol`, or a volume of `ec2_instance`, `ec2`, a launch configuration or template) with `encrypted: false`, an EFS file system with `encrypt: false`, or an S3 bucket with `encryption: none`. Snapshots, backups and disk copies of such storage hold the data in the clear, and most of these settings can only be chosen when the storage is created.',
  remediation:
    'Set `storage_encrypted: true` / `encrypted: true` / `encrypt: true` (with `kms_key_id` for a key of your own), or `encryption: AES256` or `aws:kms` on the bucket. For existing storage, create an encrypted copy (an encrypted snapshot restored, an EFS replication) and move to it.',
  cwe: 'CWE-311',
  catalog: ['TLS-12'],
};
