/**
 * The fixes the remediator knows: plain data shared by the construct (which rules may opt in, which
 * permissions the fixes need) and the remediator (what to do). Which rule has which fix is written
 * in the rule's catalog entry.
 */
import { RULE_CATALOG } from './catalog';

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
  | 'RAISE_BACKUP_RETENTION'
  /** S3 bucket-level Block Public Access on, all four settings; never for a bucket the rule lets be public. */
  | 'BLOCK_BUCKET_PUBLIC_ACCESS'
  /** S3 versioning enabled; MFA delete, which needs the root user's MFA device, is left to a person. */
  | 'ENABLE_S3_VERSIONING'
  /** DynamoDB point-in-time recovery on. */
  | 'ENABLE_DYNAMODB_PITR'
  /** Every ingress and egress rule of a VPC's default security group revoked, each one recorded. */
  | 'CLOSE_DEFAULT_SECURITY_GROUP'
  /** RDS DB instance no longer publicly accessible. */
  | 'DISABLE_RDS_PUBLIC_ACCESS';

/** The built-in rules with a fix, and the fix: the `fix` of their catalog entries. */
export const REMEDIATION_FIXES: ReadonlyMap<string, RemediationFix> = new Map(
  [...RULE_CATALOG.values()].flatMap(({ ruleName, fix }): Array<[string, RemediationFix]> => (fix ? [[ruleName, fix]] : [])));
