/**
 * What the remediator does with a violation of a rule that opts in to remediation. Its own file, with
 * no CDK import: the remediator's bundle reads the same values.
 */
export enum RemediationMode {
  /** Record and announce the fix it would apply, change nothing; its role has no write permission. */
  DRY_RUN = 'DRY_RUN',
  /** Apply the fix, and record and announce it. */
  APPLY = 'APPLY',
}
