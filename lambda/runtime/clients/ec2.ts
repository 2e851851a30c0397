import { EC2Client } from '@aws-sdk/client-ec2';
import { SDK_OPTIONS } from '../sdk-options';

/** The container's EC2 client, created when a handler first imports this module. */
export const ec2Client = new EC2Client(SDK_OPTIONS);
