import { Aws, aws_cloudwatch as cloudwatch, aws_iam as iam, aws_kms as kms, aws_sns as sns, aws_sns_subscriptions as subscriptions, aws_sqs as sqs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { createDeadLetterQueue } from '../messaging/dead-letter-queue';
import { resourceName } from '../naming';

/** Properties of the alert topic. */
export interface AlertTopicProps {
  readonly environmentSuffix: string;
  readonly encryptionKey: kms.IKey;
  readonly alertEmails: readonly string[];
}

/** The alert topic and the queue that keeps what it could not deliver. */
export interface AlertTopic {
  readonly topic: sns.Topic;
  readonly deadLetterQueue: sqs.Queue;
}

/**
 * An encrypted, TLS-only topic with one e-mail subscription per address, each with the dead-letter
 * queue. SNS retries e-mail delivery on its own fixed policy (a delivery policy applies to HTTP/S
 * only); what still fails lands in the queue, whose alarm reports it.
 */
export function createAlertTopic(scope: Construct, id: string, props: AlertTopicProps): AlertTopic {
  const topic = new sns.Topic(scope, id, {
    topicName: resourceName('alerts', props.environmentSuffix),
    displayName: `Compliance alerts (${props.environmentSuffix})`,
    masterKey: props.encryptionKey,
    enforceSSL: true,
  });
  const deadLetterQueue = createDeadLetterQueue(scope, `${id}DeadLetterQueue`, {
    queueName: resourceName('alerts-dlq', props.environmentSuffix),
    encryptionKey: props.encryptionKey,
  });
  for (const email of props.alertEmails) {
    topic.addSubscription(new subscriptions.EmailSubscription(email, { deadLetterQueue }));
  }
  return { topic, deadLetterQueue };
}

/**
 * Lets these alarms, and no other, publish to the topic. A topic policy replaces SNS's default
 * policy, so without this statement CloudWatch's notifications are refused and no alarm reaches
 * anyone (AWS Knowledge Center, "Why didn't I receive an SNS notification for my CloudWatch alarm
 * trigger?").
 */
export function allowAlarmsToPublish(topic: sns.ITopic, alarms: readonly cloudwatch.IAlarm[]): void {
  topic.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchAlarmsOfThisMonitor',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['sns:Publish'],
    resources: [topic.topicArn],
    conditions: {
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
      ArnEquals: { 'aws:SourceArn': alarms.map((alarm) => alarm.alarmArn) },
    },
  }));
}
