import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { AlertMessage } from './alert-message';
import { Logger } from '../observability/logger';

/** Publishes a message to the alert topic. */
export type Publish = (message: AlertMessage) => Promise<void>;

/**
 * A publisher that never fails its caller: what the message announces is recorded already, so when
 * SNS is down the message is logged in full instead of being lost with it.
 */
export function alertPublisher(sns: SNSClient, topicArn: string, logger: Logger): Publish {
  return async (message) => {
    try {
      await sns.send(new PublishCommand({ TopicArn: topicArn, Subject: message.subject, Message: message.body }));
    } catch (error) {
      logger.error('alert not published', { error: error as Error, subject: message.subject, body: message.body });
    }
  };
}
