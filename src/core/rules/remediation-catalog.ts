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
  | 'RAISE_BACKUP_RETENTION';

/** The built-in rules with a fix, and the fix: the `fix` of their catalog entries. */
export const REMEDIATION_FIXES: ReadonlyMap<string, RemediationFix> = new Map(
  [...RULE_CATALOG.values()].flatMap(({ ruleName, fix }): Array<[string, RemediationFix]> => (fix ? [[ruleName, fix]] : [])));
