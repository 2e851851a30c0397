import { aws_cloudwatch as cloudwatch, aws_lambda as lambda, aws_sqs as sqs, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { compliancePercentageMetric, nonCompliantResourcesMetric } from './metrics';
import { resourceName } from '../naming';

/** Properties of the monitor's dashboard. */
export interface MonitorDashboardProps {
  readonly environmentSuffix: string;
  readonly deployedRuleNames: readonly string[];
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  readonly deadLetterQueues: ReadonlyMap<string, sqs.IQueue>;
  readonly complianceThreshold: number;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Compliance percentage over time, non-compliant resources by rule, each function's errors,
 * duration and throttles, and the dead-letter queues' depth.
 */
export function createMonitorDashboard(scope: Construct, props: MonitorDashboardProps): cloudwatch.Dashboard {
  const suffix = props.environmentSuffix;
  const functions = [...props.functions.values()];
  const functionGraph = (title: string, metric: (fn: lambda.IFunction) => cloudwatch.IMetric) =>
    new cloudwatch.GraphWidget({ title, width: 8, left: functions.map(metric) });
  return new cloudwatch.Dashboard(scope, 'Dashboard', {
    dashboardName: resourceName('dashboard', suffix),
    defaultInterval: Duration.days(14),
    widgets: [
      [
        new cloudwatch.GraphWidget({
          title: 'Compliance %',
          width: 12,
          left: [compliancePercentageMetric(suffix)],
          leftYAxis: { min: 0, max: 100 },
          leftAnnotations: [{ value: props.complianceThreshold, label: 'Alarm threshold', color: cloudwatch.Color.RED }],
        }),
        new cloudwatch.GraphWidget({
          title: 'Non-compliant resources by rule',
          width: 12,
          left: props.deployedRuleNames.map((name) => nonCompliantResourcesMetric(suffix, name)),
          stacked: true,
        }),
      ],
      [
        functionGraph('Errors', (fn) => fn.metricErrors({ period: FIVE_MINUTES, label: fn.functionName })),
        functionGraph('Duration (p99)', (fn) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: fn.functionName })),
        functionGraph('Throttles', (fn) => fn.metricThrottles({ period: FIVE_MINUTES, label: fn.functionName })),
      ],
      [
        new cloudwatch.GraphWidget({
          title: 'Dead-letter queue depth',
          width: 24,
          left: [...props.deadLetterQueues].map(([purpose, queue]) =>
            queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, label: purpose })),
        }),
      ],
    ],
  });
}
