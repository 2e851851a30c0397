import {
  DescribeSecurityGroupsCommand, EC2Client, IpPermission, RevokeSecurityGroupEgressCommand, RevokeSecurityGroupIngressCommand, SecurityGroup,
} from '@aws-sdk/client-ec2';
import { DEFAULT_GROUP_NAME } from '../../../src/core/engine/rules/vpc-default-security-group-closed';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo, tagRecord } from '../fix';

const PORT_PROTOCOLS: Readonly<Record<string, string>> = { tcp: 'TCP', 6: 'TCP', udp: 'UDP', 17: 'UDP' };
const ICMP_PROTOCOLS: Readonly<Record<string, string>> = { icmp: 'ICMP', 1: 'ICMP', icmpv6: 'ICMPv6', 58: 'ICMPv6' };

/** What a permission lets through, as a person would authorize it again: `TCP 22`, `all traffic`, `ICMP type 8 code -1`. */
function traffic({ IpProtocol: protocol = '-1', FromPort: from, ToPort: to }: IpPermission): string {
  if (protocol === '-1') {
    return 'all traffic';
  }
  if (PORT_PROTOCOLS[protocol]) {
    return `${PORT_PROTOCOLS[protocol]} ${from === to ? from : `${from}-${to}`}`;
  }
  if (ICMP_PROTOCOLS[protocol]) {
    return `${ICMP_PROTOCOLS[protocol]} type ${from} code ${to}`;
  }
  return `protocol ${protocol}`;
}

const described = (source: string, description: string | undefined) => (description ? `${source} (${description})` : source);

/** Each source of a permission, one line apiece: a CIDR, a prefix list or a security group, with its description. */
function sources(permission: IpPermission): string[] {
  return [
    ...(permission.IpRanges ?? []).map((range) => described(range.CidrIp!, range.Description)),
    ...(permission.Ipv6Ranges ?? []).map((range) => described(range.CidrIpv6!, range.Description)),
    ...(permission.PrefixListIds ?? []).map((list) => described(`prefix list ${list.PrefixListId}`, list.Description)),
    ...(permission.UserIdGroupPairs ?? []).map((pair) =>
      described(`security group ${pair.GroupId}${pair.UserId ? ` of account ${pair.UserId}` : ''}`, pair.Description)),
  ];
}

/**
 * The rules of a group, one line per rule (a permission's source), as the fix revokes them: the
 * audit keeps them, so that a person can authorize any of them again.
 */
export function securityGroupRules(group: Pick<SecurityGroup, 'IpPermissions' | 'IpPermissionsEgress'>): string[] {
  return [
    ...(group.IpPermissions ?? []).flatMap((permission) => sources(permission).map((source) => `revoke ingress ${traffic(permission)} from ${source}`)),
    ...(group.IpPermissionsEgress ?? []).flatMap((permission) => sources(permission).map((source) => `revoke egress ${traffic(permission)} to ${source}`)),
  ];
}

/**
 * Revokes every ingress and egress rule of a VPC's default security group, as read, each one
 * recorded. Any other group is not the rule's, and is left alone.
 */
export function defaultSecurityGroupFix(ec2: EC2Client): Fix {
  return async (request) => {
    const groupId = request.resourceId;
    let group: SecurityGroup | undefined;
    try {
      group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId] }))).SecurityGroups?.[0];
    } catch (error) {
      if (!isAwsError(error, 'InvalidGroup.NotFound')) {
        throw error;
      }
    }
    if (!group) {
      return nothingToDo(`security group ${groupId} no longer exists`);
    }
    const tags = tagRecord(group.Tags);
    if (group.GroupName !== DEFAULT_GROUP_NAME) {
      return nothingToDo(`security group ${groupId} is not a default security group (${group.GroupName}): the rule judges only those`, tags);
    }
    const actions = securityGroupRules(group);
    if (actions.length === 0) {
      return nothingToDo('the default security group has no rules', tags);
    }
    const { IpPermissions: ingress = [], IpPermissionsEgress: egress = [] } = group;
    return {
      tags,
      actions,
      apply: async () => {
        // Ingress first: a retry after a failed egress revocation reads the group again and finds only egress left.
        if (ingress.length > 0) {
          await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: ingress }));
        }
        if (egress.length > 0) {
          await ec2.send(new RevokeSecurityGroupEgressCommand({ GroupId: groupId, IpPermissions: egress }));
        }
      },
    };
  };
}
