import { RDSClient } from '@aws-sdk/client-rds';
import { SDK_OPTIONS } from '../sdk-options';

/** The container's RDS client, created when a handler first imports this module. */
export const rdsClient = new RDSClient(SDK_OPTIONS);
