import { aws_events as events, aws_events_targets as targets, aws_lambda as lambda, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { ReportPeriod } from './report-period';
import { PERIOD_REPORT_EVENT_FIELD } from '../core/period/calendar';
import { resourceName } from '../naming';

/** Properties of the monitor's EventBridge rules. */
export interface MonitorEventsProps {
  readonly environmentSuffix: string;
  readonly scanSchedule: events.Schedule;
  readonly reportSchedule: events.Schedule;
  readonly periodReport: ReportPeriod;
  /** The deployed names of the set's rules: only their compliance changes reach the analyzer. */
  readonly configRuleNames: readonly string[];
  readonly analyzer: lambda.IFunction;
  readonly analyzerDeadLetterQueue: sqs.IQueue;
  readonly aggregator: lambda.IFunction;
  readonly aggregatorDeadLetterQueue: sqs.IQueue;
}

/** The monitor's EventBridge rules. */
export interface MonitorEvents {
  readonly scanRule: events.Rule;
  readonly complianceChangeRule: events.Rule;
  readonly reportRule: events.Rule;
  readonly periodReportRule: events.Rule;
}

/** Events EventBridge could not deliver go to the function's dead-letter queue, after retries. */
function target(fn: lambda.IFunction, deadLetterQueue: sqs.IQueue, event?: events.RuleTargetInput): targets.LambdaFunction {
  return new targets.LambdaFunction(fn, { deadLetterQueue, retryAttempts: 8, event });
}

/** The 6-hour sweep and compliance changes to the analyzer; the report and period report schedules to the aggregator. */
export function createMonitorEvents(scope: Construct, props: MonitorEventsProps): MonitorEvents {
  const suffix = props.environmentSuffix;
  const scanRule = new events.Rule(scope, 'ScanSchedule', {
    ruleName: resourceName('scan', suffix),
    description: 'Sweeps every rule\'s compliance, so that a missed change event is caught up',
    schedule: props.scanSchedule,
    targets: [target(props.analyzer, props.analyzerDeadLetterQueue)],
  });
  const complianceChangeRule = new events.Rule(scope, 'ComplianceChange', {
    ruleName: resourceName('compliance-change', suffix),
    description: 'Compliance changes of this monitor\'s Config rules',
    eventPattern: {
      source: ['aws.config'],
      detailType: ['Config Rules Compliance Change'],
      detail: { configRuleName: [...props.configRuleNames] },
    },
    targets: [target(props.analyzer, props.analyzerDeadLetterQueue)],
  });
  const reportRule = new events.Rule(scope, 'ReportSchedule', {
    ruleName: resourceName('report', suffix),
    description: 'Writes the compliance report',
    schedule: props.reportSchedule,
    targets: [target(props.aggregator, props.aggregatorDeadLetterQueue)],
  });
  const periodReportRule = new events.Rule(scope, 'PeriodReportSchedule', {
    ruleName: resourceName('period-report', suffix),
    description: 'Writes the report of the last whole period',
    schedule: props.periodReport.schedule,
    targets: [target(props.aggregator, props.aggregatorDeadLetterQueue,
      events.RuleTargetInput.fromObject({ [PERIOD_REPORT_EVENT_FIELD]: props.periodReport.length }))],
  });
  return { scanRule, complianceChangeRule, reportRule, periodReportRule };
}
