/**
 * The custom metrics the analyzer emits (CloudWatch embedded metric format) and the dashboard and
 * alarms read. Pure data, shared by the construct and the handlers.
 */
export const MONITOR_METRICS = {
  namespace: 'ComplianceMonitor',
  /** Every metric carries the monitor's environment suffix, so monitors in one account stay apart. */
  environmentDimension: 'EnvironmentSuffix',
  /** Compliant evaluations / all evaluations, in percent, over the whole rule set. */
  compliancePercentage: 'CompliancePercentage',
  /** Resources NON_COMPLIANT with a rule; dimension `ConfigRuleName` (the deployed name). */
  nonCompliantResources: 'NonCompliantResources',
  ruleDimension: 'ConfigRuleName',
} as const;
