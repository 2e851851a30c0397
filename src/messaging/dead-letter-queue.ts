import { aws_kms as kms, aws_sqs as sqs, Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** Properties of a dead-letter queue. */
export interface DeadLetterQueueProps {
  readonly queueName: string;
  readonly encryptionKey: kms.IKey;
}

/** SQS's longest retention, so that a failure found after a long weekend is still there to replay. */
const DEAD_LETTER_RETENTION = Duration.days(14);

/** A KMS-encrypted, TLS-only queue for what could not be processed or delivered. */
export function createDeadLetterQueue(scope: Construct, id: string, props: DeadLetterQueueProps): sqs.Queue {
  return new sqs.Queue(scope, id, {
    queueName: props.queueName,
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: props.encryptionKey,
    retentionPeriod: DEAD_LETTER_RETENTION,
    enforceSSL: true,
  });
}
