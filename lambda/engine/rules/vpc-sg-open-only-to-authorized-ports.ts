import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable } from '../verdict';
import { carries, describePorts, ingressPermissions, IngressPermission, parsePortRanges } from './security-group';

function authorized(permission: IngressPermission, protocol: 'tcp' | 'udp', ranges: Array<[number, number]>): boolean {
  if (!carries(permission, protocol)) {
    return true;
  }
  return ranges.some(([from, to]) => from <= permission.fromPort && permission.toPort <= to);
}

/**
 * VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS: every TCP and UDP port open to 0.0.0.0/0 or ::/0 is authorized;
 * a group with no world-open ingress is NOT_APPLICABLE, as AWS reports it.
 */
export const vpcSgOpenOnlyToAuthorizedPorts: RuleImplementation = {
  ruleName: 'vpc-sg-open-only-to-authorized-ports',
  compile: (parameters) => {
    const tcp = parsePortRanges(parameters.authorizedTcpPorts);
    const udp = parsePortRanges(parameters.authorizedUdpPorts);
    return (item) => {
      const worldOpen = ingressPermissions(item).filter((permission) => permission.openToIpv4World || permission.openToIpv6World);
      if (worldOpen.length === 0) {
        return notApplicable('No ingress is open to 0.0.0.0/0 or ::/0');
      }
      const unauthorized = worldOpen.filter((permission) => !authorized(permission, 'tcp', tcp) || !authorized(permission, 'udp', udp));
      return unauthorized.length > 0
        ? nonCompliant(`Unauthorized ports open to the world: ${unauthorized.map(describePorts).join(', ')}`)
        : compliant('Only authorized ports are open to the world');
    };
  },
};
