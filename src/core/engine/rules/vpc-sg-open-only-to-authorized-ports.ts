import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';
import {
  ALL_PORTS, describePorts, ForbiddenIngress, ingressPermissions, IPV4_WORLD, IPV6_WORLD, opensForbidden, parsePortRanges, subtractRanges,
  worldOpened,
} from './security-group';

const NO_WORLD_INGRESS = notApplicable('No ingress is open to 0.0.0.0/0 or ::/0');
const AUTHORIZED = compliant('Only authorized ports are open to the world');
const unauthorizedOpen = sharedVerdicts((ports: string) => nonCompliant(`Unauthorized ports open to the world: ${ports}`));

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
      let worldOpen = false;
      let unauthorized: string | undefined;
      for (const permission of ingressPermissions(item)) {
        if (worldOpened(permission, forbidden.worlds) !== undefined) {
          worldOpen = true;
          if (opensForbidden(permission, forbidden)) {
            unauthorized = unauthorized === undefined ? describePorts(permission) : `${unauthorized}, ${describePorts(permission)}`;
          }
        }
      }
      if (!worldOpen) {
        return NO_WORLD_INGRESS;
      }
      return unauthorized === undefined ? AUTHORIZED : unauthorizedOpen(unauthorized);
    };
  },
};
