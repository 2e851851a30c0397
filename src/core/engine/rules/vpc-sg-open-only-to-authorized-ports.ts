import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable } from '../verdict';
import {
  ALL_PORTS, describePorts, ForbiddenIngress, forbiddenRangesOpened, ingressPermissions, IPV4_WORLD, IPV6_WORLD, parsePortRanges,
  subtractRanges, worldOpened,
} from './security-group';

/**
 * VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS forbids, from 0.0.0.0/0 and ::/0, every TCP and UDP port that
 * no authorized range holds: an open range is authorized when each of its ports is, by one
 * authorized range or by several together ("1-100,101-200" authorizes an open 50-150).
 */
export function authorizedPortsForbidden(parameters: Readonly<Record<string, string>>): ForbiddenIngress {
  return {
    tcp: subtractRanges(ALL_PORTS, parsePortRanges(parameters.authorizedTcpPorts)),
    udp: subtractRanges(ALL_PORTS, parsePortRanges(parameters.authorizedUdpPorts)),
    worlds: [IPV4_WORLD, IPV6_WORLD],
  };
}

/**
 * VPC_SG_OPEN_ONLY_TO_AUTHORIZED_PORTS: every TCP and UDP port open to 0.0.0.0/0 or ::/0 is authorized;
 * a group with no world-open ingress is NOT_APPLICABLE, as AWS reports it.
 */
export const vpcSgOpenOnlyToAuthorizedPorts: RuleImplementation = {
  ruleName: 'vpc-sg-open-only-to-authorized-ports',
  forbiddenIngress: authorizedPortsForbidden,
  compile: (parameters) => {
    const forbidden = authorizedPortsForbidden(parameters);
    return (item) => {
      const worldOpen = ingressPermissions(item).filter((permission) => worldOpened(permission, forbidden.worlds) !== undefined);
      if (worldOpen.length === 0) {
        return notApplicable('No ingress is open to 0.0.0.0/0 or ::/0');
      }
      const unauthorized = worldOpen.filter((permission) => forbiddenRangesOpened(permission, forbidden).length > 0);
      return unauthorized.length > 0
        ? nonCompliant(`Unauthorized ports open to the world: ${unauthorized.map(describePorts).join(', ')}`)
        : compliant('Only authorized ports are open to the world');
    };
  },
};
