import { RuleImplementation } from '../types';
import { asNumber } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

/** The intervals, in seconds, that the page names as monitoringInterval's valid values. */
const VALID_INTERVALS = [1, 5, 10, 15, 30, 60];

const DISABLED = nonCompliant('Enhanced monitoring is disabled (monitoringInterval 0)');
const NOT_RECORDED = notApplicable('Enhanced monitoring interval (monitoringInterval) not recorded');
const enabledEvery = sharedVerdicts((interval: number) => compliant(`Enhanced monitoring is enabled every ${interval} seconds`));

/**
 * RDS_ENHANCED_MONITORING_ENABLED: NON_COMPLIANT when `monitoringInterval` is 0, or, with the
 * `monitoringInterval` parameter, when the instance's interval is another one. A parameter outside
 * the page's valid values (1, 5, 10, 15, 30, 60) is not a comparison the managed rule documents:
 * instances with monitoring enabled are then NOT_APPLICABLE, saying so; disabled monitoring is a
 * violation whatever the parameter.
 */
export const rdsEnhancedMonitoringEnabled: RuleImplementation = {
  ruleName: 'rds-enhanced-monitoring-enabled',
  compile: (parameters) => {
    const expected = asNumber(parameters.monitoringInterval);
    const invalidParameter = expected !== undefined && !VALID_INTERVALS.includes(expected)
      ? notApplicable(`Parameter monitoringInterval ${expected} is not a valid interval (1, 5, 10, 15, 30 or 60 seconds), so the rule cannot check it`)
      : undefined;
    const otherInterval = sharedVerdicts((interval: number) => nonCompliant(`Enhanced monitoring interval is ${interval} seconds, not ${expected}`));
    return (item) => {
      const interval = asNumber(item.configuration.monitoringInterval);
      if (interval === undefined) {
        return NOT_RECORDED;
      }
      if (interval === 0) {
        return DISABLED;
      }
      if (invalidParameter) {
        return invalidParameter;
      }
      if (expected !== undefined && interval !== expected) {
        return otherInterval(interval);
      }
      return enabledEvery(interval);
    };
  },
};
