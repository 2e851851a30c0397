import { DescribeInstancesCommand, EC2Client, ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo, tagRecord } from '../fix';

/** Requires IMDSv2 session tokens on an instance; the metadata endpoint's other options are left as they are. */
export function imdsv2Fix(ec2: EC2Client): Fix {
  return async (request) => {
    let instance;
    try {
      instance = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [request.resourceId] }))).Reservations?.[0]?.Instances?.[0];
    } catch (error) {
      if (!isAwsError(error, 'InvalidInstanceID.NotFound')) {
        throw error;
      }
    }
    if (!instance || instance.State?.Name === 'terminated') {
      return nothingToDo(`instance ${request.resourceId} no longer exists`);
    }
    const tags = tagRecord(instance.Tags);
    if (instance.MetadataOptions?.HttpTokens === 'required') {
      return nothingToDo('IMDSv2 is already required', tags);
    }
    return {
      tags,
      actions: [`require IMDSv2 session tokens (HttpTokens ${instance.MetadataOptions?.HttpTokens ?? 'unset'} → required)`],
      apply: async () => {
        await ec2.send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: request.resourceId, HttpTokens: 'required' }));
      },
    };
  };
}
