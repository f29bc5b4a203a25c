import type { Rule } from '../rule.js';
import type { Value } from '../../model/model.js';
import { checkArguments, type ArgumentCheck } from '../support/module-arguments.js';
import { isFalse, literalText } from '../support/values.js';
import { meta } from './meta.js';

const UNENCRYPTED_DATABASE =
  'stores the database, its snapshots and its backups unencrypted: anyone who gets a snapshot shared or a disk image reads the data, and the setting cannot be turned on later without copying the database';
const UNENCRYPTED_VOLUME =
  'creates the EBS volume unencrypted: its snapshots and any copy of them hold the data in the clear';

/** Turns encryption off only when written so: these modules default to no encryption, which is the account's default to fix. */
function off(problem: string): ArgumentCheck['judge'] {
  return (value: Value) => (isFalse(value) ? problem : undefined);
}

const CHECKS: readonly ArgumentCheck[] = [
  {
    modules: ['rds_instance', 'rds_cluster'],
    path: ['storage_encrypted'],
    judge: off(UNENCRYPTED_DATABASE),
  },
  { modules: ['ec2_vol'], path: ['encrypted'], judge: off(UNENCRYPTED_VOLUME) },
  {
    modules: ['ec2_instance'],
    path: ['volumes', 'ebs', 'encrypted'],
    judge: off(UNENCRYPTED_VOLUME),
  },
  // the old `ec2` module and launch configurations give volumes flat
  {
    modules: ['ec2', 'ec2_lc', 'autoscaling_launch_config'],
    path: ['volumes', 'encrypted'],
    judge: off(UNENCRYPTED_VOLUME),
  },
  {
    modules: ['ec2_launch_template'],
    path: ['block_device_mappings', 'ebs', 'encrypted'],
    judge: off(UNENCRYPTED_VOLUME),
  },
  {
    modules: ['efs'],
    path: ['encrypt'],
    judge: off(
      'creates the EFS file system unencrypted, and encryption at rest can only be chosen when a file system is created',
    ),
  },
  {
    modules: ['redshift'],
    path: ['encrypted'],
    judge: off('stores the Redshift cluster, its snapshots and its backups unencrypted'),
  },
  {
    modules: ['s3_bucket'],
    path: ['encryption'],
    judge: (value) =>
      literalText(value)?.trim().toLowerCase() === 'none'
        ? 'turns default encryption off for the bucket: objects uploaded without their own encryption header are stored in the clear'
        : undefined,
  },
];

export const unencryptedCloudStorage: Rule = {
  meta,
  check(context) {
    checkArguments(context, CHECKS);
  },
};
