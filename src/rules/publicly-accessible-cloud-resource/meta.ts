import type { RuleMeta } from '../rule.js';

export const meta: RuleMeta = {
  id: 'publicly-accessible-cloud-resource',
  title: 'Cloud resource open to the internet',
  severity: 'high',
  category: 'public-cloud-exposure',
  languages: ['ansible'],
  description:
    'A task makes a cloud resource reachable by anyone: a database with `publicly_accessible: true` (RDS, Redshift, DMS) or an Azure database firewall rule from `0.0.0.0` to `255.255.255.255`, a Cloud SQL instance authorizing `0.0.0.0/0`; a bucket or object with a public ACL (S3 `public-read`, GCS `allUsers`, an Azure container with `public_access`), a bucket policy allowing `"Principal": "*"` without a condition, or S3\'s public access block turned off; or a security group or firewall rule that opens a configuration-management server (Puppet\'s 8140, Salt\'s 4505/4506, the web ports of an AWX, Tower or Chef server) to `0.0.0.0/0`.',
  remediation:
    'Keep databases on private subnets (`publicly_accessible: false`) and reach them through the application, a bastion or a VPN; serve public files through a CDN with its own access identity rather than a public bucket, and keep the public access block on; open management servers only to the address ranges of the nodes and administrators that use them.',
  cwe: 'CWE-284',
  catalog: ['NET-09', 'NET-13'],
};
