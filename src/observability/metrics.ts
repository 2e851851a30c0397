import { aws_cloudwatch as cloudwatch, Duration } from 'aws-cdk-lib';
import { MONITOR_METRICS } from '../core/observability/metric-names';

/** The rule set's compliance percentage, as the analyzer's sweep records it. */
export function compliancePercentageMetric(environmentSuffix: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: MONITOR_METRICS.namespace,
    metricName: MONITOR_METRICS.compliancePercentage,
    dimensionsMap: { [MONITOR_METRICS.environmentDimension]: environmentSuffix },
    statistic: cloudwatch.Stats.MINIMUM,
    period: Duration.hours(6),
    label: 'Compliance %',
  });
}

/** Resources non-compliant with one rule (its deployed name). */
export function nonCompliantResourcesMetric(environmentSuffix: string, deployedRuleName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: MONITOR_METRICS.namespace,
    metricName: MONITOR_METRICS.nonCompliantResources,
    dimensionsMap: { [MONITOR_METRICS.environmentDimension]: environmentSuffix, [MONITOR_METRICS.ruleDimension]: deployedRuleName },
    statistic: cloudwatch.Stats.MAXIMUM,
    period: Duration.hours(6),
    label: deployedRuleName,
  });
}
