/**
 * The fixes the remediator knows, by built-in rule: plain data shared by the construct (which rules
 * may opt in, which permissions the fixes need) and the remediator (what to do).
 */

/** A fix the remediator applies to a violation. */
export type RemediationFix =
  /** S3 default encryption set to SSE-KMS with the AWS managed key (or the rule's first allowed key). */
  | 'S3_ENCRYPTION_KMS'
  /** S3 default encryption set to SSE-S3 (AES256). */
  | 'S3_ENCRYPTION_AES256'
  /** Ingress from 0.0.0.0/0 or ::/0 revoked on the ports the rule forbids, the rest kept. */
  | 'CLOSE_WORLD_INGRESS'
  /** Instance metadata requires IMDSv2 session tokens. */
  | 'REQUIRE_IMDSV2'
  /** RDS backup retention raised to the rule's minimum. */
  | 'RAISE_BACKUP_RETENTION';

/** The built-in rules with a fix, and the fix. */
export const REMEDIATION_FIXES: ReadonlyMap<string, RemediationFix> = new Map([
  ['s3-bucket-server-side-encryption-enabled', 'S3_ENCRYPTION_AES256'],
  ['s3-default-encryption-kms', 'S3_ENCRYPTION_KMS'],
  ['restricted-ssh', 'CLOSE_WORLD_INGRESS'],
  ['restricted-common-ports', 'CLOSE_WORLD_INGRESS'],
  ['vpc-sg-open-only-to-authorized-ports', 'CLOSE_WORLD_INGRESS'],
  ['ec2-imdsv2-check', 'REQUIRE_IMDSV2'],
  ['db-instance-backup-enabled', 'RAISE_BACKUP_RETENTION'],
]);
