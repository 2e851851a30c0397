import { aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_lambda as lambda, aws_sns as sns, aws_sqs as sqs, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { compliancePercentageMetric } from './metrics';
import { allowAlarmsToPublish } from '../alerting/alert-topic';
import { resourceName } from '../naming';

/** Properties of the monitor's alarms. */
export interface MonitorAlarmsProps {
  readonly environmentSuffix: string;
  /** The functions by purpose (`analyzer`, ...). */
  readonly functions: ReadonlyMap<string, lambda.IFunction>;
  /** The dead-letter queues by purpose (`analyzer-dlq`, ...). */
  readonly deadLetterQueues: ReadonlyMap<string, sqs.IQueue>;
  /** Percentage below which the compliance alarm goes off. */
  readonly complianceThreshold: number;
  readonly alertTopic: sns.ITopic;
}

/** Each function's errors, any dead-lettered message, compliance below the threshold: each notifies the topic, whose policy admits them. */
export function createMonitorAlarms(scope: Construct, props: MonitorAlarmsProps): cloudwatch.Alarm[] {
  const suffix = props.environmentSuffix;
  const alarms: cloudwatch.Alarm[] = [];
  for (const [purpose, fn] of props.functions) {
    alarms.push(new cloudwatch.Alarm(scope, `${purpose}-errors`, {
      alarmName: resourceName(`${purpose}-errors`, suffix),
      alarmDescription: `${fn.functionName} failed`,
      metric: fn.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
  }
  for (const [purpose, queue] of props.deadLetterQueues) {
    alarms.push(new cloudwatch.Alarm(scope, `${purpose}-messages`, {
      alarmName: resourceName(`${purpose}-messages`, suffix),
      alarmDescription: `Messages in ${purpose}: something failed every attempt; inspect and replay them`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: cloudwatch.Stats.MAXIMUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }));
  }
  alarms.push(new cloudwatch.Alarm(scope, 'compliance-low', {
    alarmName: resourceName('compliance-low', suffix),
    alarmDescription: `Compliance below ${props.complianceThreshold}%`,
    metric: compliancePercentageMetric(suffix),
    threshold: props.complianceThreshold,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    // No data means no sweep yet, which the analyzer's error alarm reports; not a compliance drop.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  }));
  const notify = new actions.SnsAction(props.alertTopic);
  for (const alarm of alarms) {
    alarm.addAlarmAction(notify);
  }
  allowAlarmsToPublish(props.alertTopic, alarms);
  return alarms;
}
