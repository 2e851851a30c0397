import { MONITOR_METRICS } from '../../src/core/observability/metric-names';
import { compliancePercentage } from '../../src/core/report/report';

/** One rule's counts after a sweep. */
export interface RuleCompliance {
  readonly configRuleName: string;
  readonly compliant: number;
  readonly nonCompliant: number;
}

function metricsLine(timestamp: Date, dimensions: Record<string, string>, metrics: Record<string, [number, string]>): string {
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp.getTime(),
      CloudWatchMetrics: [{
        Namespace: MONITOR_METRICS.namespace,
        Dimensions: [Object.keys(dimensions)],
        Metrics: Object.entries(metrics).map(([name, [, unit]]) => ({ Name: name, Unit: unit })),
      }],
    },
    ...dimensions,
    ...Object.fromEntries(Object.entries(metrics).map(([name, [value]]) => [name, value])),
  });
}

/**
 * The sweep's metrics in CloudWatch embedded metric format, one log line each: the compliance
 * percentage overall, and per rule its percentage and non-compliant count.
 */
export function complianceMetricLines(
  environmentSuffix: string, rules: readonly RuleCompliance[], evaluationsWritten: number, timestamp: Date,
): string[] {
  const environment = { [MONITOR_METRICS.environmentDimension]: environmentSuffix };
  const compliant = rules.reduce((sum, rule) => sum + rule.compliant, 0);
  const total = rules.reduce((sum, rule) => sum + rule.compliant + rule.nonCompliant, 0);
  return [
    metricsLine(timestamp, environment, {
      [MONITOR_METRICS.compliancePercentage]: [compliancePercentage(compliant, total), 'Percent'],
      EvaluationsWritten: [evaluationsWritten, 'Count'],
    }),
    ...rules.map((rule) => metricsLine(timestamp, { ...environment, [MONITOR_METRICS.ruleDimension]: rule.configRuleName }, {
      [MONITOR_METRICS.compliancePercentage]: [compliancePercentage(rule.compliant, rule.compliant + rule.nonCompliant), 'Percent'],
      [MONITOR_METRICS.nonCompliantResources]: [rule.nonCompliant, 'Count'],
    })),
  ];
}
