import { DBInstance, DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';

/**
 * The DB instance a finding names, or undefined when it no longer exists. Config names DB instances
 * by their resource id (`db-…`), which DescribeDBInstances takes only as a filter.
 */
export async function dbInstanceOf(rds: RDSClient, resourceId: string): Promise<(DBInstance & { DBInstanceIdentifier: string }) | undefined> {
  const instance = (await rds.send(new DescribeDBInstancesCommand({ Filters: [{ Name: 'dbi-resource-id', Values: [resourceId] }] }))).DBInstances?.[0];
  return instance?.DBInstanceIdentifier ? instance as DBInstance & { DBInstanceIdentifier: string } : undefined;
}
