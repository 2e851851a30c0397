import type { BuiltInRuleName } from '../../rules/catalog';
import { RuleImplementation } from '../types';
import { dbInstanceBackupEnabled } from './db-instance-backup-enabled';
import { desiredInstanceType } from './desired-instance-type';
import { ec2Imdsv2Check } from './ec2-imdsv2-check';
import { encryptedVolumes } from './encrypted-volumes';
import { EC2_RULES } from './families/ec2';
import { IAM_RULES } from './families/iam';
import { RDS_RULES } from './families/rds';
import { S3_RULES } from './families/s3';
import { SERVICES_RULES } from './families/services';
import { rdsStorageEncrypted } from './rds-storage-encrypted';
import { requiredTagsRule } from './required-tags';
import { restrictedCommonPorts } from './restricted-common-ports';
import { restrictedSsh } from './restricted-ssh';
import { s3BucketServerSideEncryptionEnabled } from './s3-bucket-server-side-encryption-enabled';
import { s3BucketVersioningEnabled } from './s3-bucket-versioning-enabled';
import { s3DefaultEncryptionKms } from './s3-default-encryption-kms';
import { vpcSgOpenOnlyToAuthorizedPorts } from './vpc-sg-open-only-to-authorized-ports';

/**
 * The engine's implementation of every built-in rule, by rule name: a record over the
 * catalog's names, so a rule without an implementation fails to compile.
 */
export const RULE_IMPLEMENTATIONS: Readonly<Record<BuiltInRuleName, RuleImplementation>> = {
  's3-bucket-server-side-encryption-enabled': s3BucketServerSideEncryptionEnabled,
  's3-default-encryption-kms': s3DefaultEncryptionKms,
  's3-bucket-versioning-enabled': s3BucketVersioningEnabled,
  'rds-storage-encrypted': rdsStorageEncrypted,
  'db-instance-backup-enabled': dbInstanceBackupEnabled,
  'ec2-imdsv2-check': ec2Imdsv2Check,
  'required-tags': requiredTagsRule,
  'desired-instance-type': desiredInstanceType,
  'restricted-ssh': restrictedSsh,
  'restricted-common-ports': restrictedCommonPorts,
  'vpc-sg-open-only-to-authorized-ports': vpcSgOpenOnlyToAuthorizedPorts,
  'encrypted-volumes': encryptedVolumes,
  ...S3_RULES,
  ...RDS_RULES,
  ...EC2_RULES,
  ...IAM_RULES,
  ...SERVICES_RULES,
};
