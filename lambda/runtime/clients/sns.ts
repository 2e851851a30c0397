import { SNSClient } from '@aws-sdk/client-sns';
import { SDK_OPTIONS } from '../sdk-options';

/** The container's SNS client, created when a handler first imports this module. */
export const snsClient = new SNSClient(SDK_OPTIONS);
