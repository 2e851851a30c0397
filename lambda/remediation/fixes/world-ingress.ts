import {
  AuthorizeSecurityGroupIngressCommand, DescribeSecurityGroupsCommand, EC2Client, IpPermission, RevokeSecurityGroupIngressCommand,
} from '@aws-sdk/client-ec2';
import { RULE_IMPLEMENTATIONS } from '../../../src/core/engine/rules';
import { ForbiddenIngress, PortRange, subtractRanges } from '../../../src/core/engine/rules/security-group';
import { isBuiltInRuleName } from '../../../src/core/rules/catalog';
import { isAwsError } from '../../runtime/aws-errors';
import { Fix, nothingToDo, tagRecord } from '../fix';

/** What each security-group rule forbids, from the rule itself: the fix closes exactly what the verdict finds open. */
export function forbiddenIngress(ruleName: string, parameters: Readonly<Record<string, string>>): ForbiddenIngress {
  const forbidden = isBuiltInRuleName(ruleName) ? RULE_IMPLEMENTATIONS[ruleName].forbiddenIngress?.(parameters) : undefined;
  if (!forbidden) {
    throw new Error(`rule ${ruleName} has no security-group fix`);
  }
  return forbidden;
}

const PROTOCOLS: Readonly<Record<string, 'tcp' | 'udp' | 'all'>> = { 'tcp': 'tcp', '6': 'tcp', 'udp': 'udp', '17': 'udp', '-1': 'all' };

/** The permission restricted to one world range and one port range, keeping the range's description. */
function narrowed(permission: IpPermission, world: string, [from, to]: PortRange): IpPermission {
  const ipv4 = permission.IpRanges?.find((range) => range.CidrIp === world);
  const ipv6 = permission.Ipv6Ranges?.find((range) => range.CidrIpv6 === world);
  return {
    IpProtocol: permission.IpProtocol,
    FromPort: from,
    ToPort: to,
    ...(ipv4 ? { IpRanges: [ipv4] } : { Ipv6Ranges: [ipv6!] }),
  };
}

function opensTo(permission: IpPermission, world: string): boolean {
  return Boolean(permission.IpRanges?.some((range) => range.CidrIp === world) || permission.Ipv6Ranges?.some((range) => range.CidrIpv6 === world));
}

/** The changes that close a group's forbidden world ingress, and only that. */
export interface IngressPlan {
  /** World ingress to authorize first, so that allowed ports stay open while the wider permission goes. */
  readonly authorize: IpPermission[];
  readonly revoke: IpPermission[];
  readonly actions: string[];
  /** World ingress of all traffic: narrowing it would mean a permission per protocol, so a person decides. */
  readonly allTraffic: string[];
}

function describe(protocol: string, [from, to]: PortRange): string {
  return `${protocol.toUpperCase()} ${from === to ? from : `${from}-${to}`}`;
}

/**
 * Plans the fix of a group's permissions: each world range of a TCP or UDP permission that reaches a
 * forbidden port is revoked, and the permission's other ports are authorized again for that range.
 */
export function planIngressFix(permissions: readonly IpPermission[], forbidden: ForbiddenIngress): IngressPlan {
  const plan: IngressPlan = { authorize: [], revoke: [], actions: [], allTraffic: [] };
  for (const permission of permissions) {
    const protocol = PROTOCOLS[permission.IpProtocol ?? ''];
    if (!protocol) {
      continue;
    }
    for (const world of forbidden.worlds.filter((cidr) => opensTo(permission, cidr))) {
      if (protocol === 'all') {
        if (forbidden.tcp.length > 0 || forbidden.udp.length > 0) {
          plan.allTraffic.push(world);
        }
        continue;
      }
      const ports: PortRange = [permission.FromPort ?? 0, permission.ToPort ?? 65535];
      const blocked = forbidden[protocol].filter(([from, to]) => from <= ports[1] && to >= ports[0]);
      if (blocked.length === 0) {
        continue;
      }
      plan.revoke.push(narrowed(permission, world, ports));
      const kept = subtractRanges(ports, blocked);
      for (const range of kept) {
        plan.authorize.push(narrowed(permission, world, range));
      }
      plan.actions.push(`revoke ${describe(protocol, ports)} from ${world}` +
        (kept.length > 0 ? `, keeping ${kept.map((range) => describe(protocol, range)).join(', ')}` : ''));
    }
  }
  return plan;
}

/** Closes world ingress on the ports the rule forbids. */
export function worldIngressFix(ec2: EC2Client): Fix {
  return async (request, rule) => {
    let group;
    try {
      group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [request.resourceId] }))).SecurityGroups?.[0];
    } catch (error) {
      if (!isAwsError(error, 'InvalidGroup.NotFound')) {
        throw error;
      }
    }
    if (!group) {
      return nothingToDo(`security group ${request.resourceId} no longer exists`);
    }
    const tags = tagRecord(group.Tags);
    const plan = planIngressFix(group.IpPermissions ?? [], forbiddenIngress(rule.ruleName, rule.parameters ?? {}));
    if (plan.allTraffic.length > 0) {
      return nothingToDo(`all traffic is open to ${plan.allTraffic.join(' and ')}; narrowing it needs a permission per protocol, so fix it by hand`, tags, true);
    }
    if (plan.actions.length === 0) {
      return nothingToDo('no forbidden port is open to the world', tags);
    }
    return {
      tags,
      actions: plan.actions,
      apply: async () => {
        // One call per permission: a call fails whole on one duplicate, which an earlier attempt that
        // failed before the revocation leaves behind.
        for (const permission of plan.authorize) {
          try {
            await ec2.send(new AuthorizeSecurityGroupIngressCommand({ GroupId: request.resourceId, IpPermissions: [permission] }));
          } catch (error) {
            if (!isAwsError(error, 'InvalidPermission.Duplicate')) {
              throw error;
            }
          }
        }
        await ec2.send(new RevokeSecurityGroupIngressCommand({ GroupId: request.resourceId, IpPermissions: plan.revoke }));
      },
    };
  };
}
