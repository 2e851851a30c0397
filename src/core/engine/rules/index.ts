import { RuleImplementation } from '../types';
import { dbInstanceBackupEnabled } from './db-instance-backup-enabled';
import { desiredInstanceType } from './desired-instance-type';
import { ec2Imdsv2Check } from './ec2-imdsv2-check';
import { encryptedVolumes } from './encrypted-volumes';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import { requiredTagsRule } from './required-tags';
import { restrictedCommonPorts } from './restricted-common-ports';
import { restrictedSsh } from './restricted-ssh';
import { s3BucketServerSideEncryptionEnabled } from './s3-bucket-server-side-encryption-enabled';
import { s3DefaultEncryptionKms } from './s3-default-encryption-kms';
import { vpcSgOpenOnlyToAuthorizedPorts } from './vpc-sg-open-only-to-authorized-ports';

/** The engine's implementation of every built-in rule, by Config rule name. */
export const RULE_IMPLEMENTATIONS: ReadonlyMap<string, RuleImplementation> = new Map([
  s3BucketServerSideEncryptionEnabled,
  s3DefaultEncryptionKms,
  rdsStorageEncrypted,
  dbInstanceBackupEnabled,
  ec2Imdsv2Check,
  requiredTagsRule,
  desiredInstanceType,
  restrictedSsh,
  restrictedCommonPorts,
  vpcSgOpenOnlyToAuthorizedPorts,
  encryptedVolumes,
].map((rule) => [rule.ruleName, rule]));
