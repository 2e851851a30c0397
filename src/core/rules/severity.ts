/** How serious a violation of a rule is; alerts and reports order findings by it. */
export enum Severity {
  /** Exposure to the internet or loss of data: fix now. */
  CRITICAL = 'CRITICAL',
  /** Encryption or hardening missing: fix soon. */
  HIGH = 'HIGH',
  /** Resilience or hygiene gap. */
  MEDIUM = 'MEDIUM',
  /** Governance: tagging, approved sizes. */
  LOW = 'LOW',
}
