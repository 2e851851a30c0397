import { numberedParameterValues, withDefaults } from '../../rules/catalog';
import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { ForbiddenIngress, forbiddenRangesOpened, ingressPermissions, IPV4_WORLD, IPV6_WORLD, PortRange } from './security-group';

/**
 * blockedPort1 to blockedPort5, each its own default where not given (AWS's 20, 21, 3389, 3306, 4333),
 * the engine's blockedPort6 and up, and the `blockedPorts` list; each port once.
 */
export function blockedPorts(parameters: Readonly<Record<string, string>>): number[] {
  const given = withDefaults('restricted-common-ports', parameters);
  const numbered = numberedParameterValues('restricted-common-ports', given).map(({ value }) => Number(value));
  const listed = csv(given.blockedPorts).map(Number);
  return [...new Set([...numbered, ...listed])].filter((port) => Number.isInteger(port));
}

/**
 * RESTRICTED_INCOMING_TRAFFIC forbids TCP to each blocked port from 0.0.0.0/0 and from ::/0. The
 * current AWS page counts both ("... which does not cover all IPv6 addresses ("::/0")"); an older
 * one said "This rule applies only to IPv4": the current one is followed.
 */
export function commonPortsForbidden(parameters: Readonly<Record<string, string>>): ForbiddenIngress {
  return { tcp: blockedPorts(parameters).map((port): PortRange => [port, port]), udp: [], worlds: [IPV4_WORLD, IPV6_WORLD] };
}

/** RESTRICTED_INCOMING_TRAFFIC: no ingress allows TCP to a blocked port from 0.0.0.0/0 or ::/0. */
export const restrictedCommonPorts: RuleImplementation = {
  ruleName: 'restricted-common-ports',
  forbiddenIngress: commonPortsForbidden,
  compile: (parameters) => {
    const forbidden = commonPortsForbidden(parameters);
    const ports = forbidden.tcp.map(([port]) => port);
    const worlds = forbidden.worlds.join(' or ');
    const closed = compliant(`No blocked TCP port (${ports.join(', ')}) is open to ${worlds}`);
    const blockedOpen = sharedVerdicts((open: string) => nonCompliant(`Blocked TCP port${open.includes(',') ? 's' : ''} ${open} open to ${worlds}`));
    return (item) => {
      let opened: Set<number> | undefined;
      for (const permission of ingressPermissions(item)) {
        for (const range of forbiddenRangesOpened(permission, forbidden)) {
          (opened ??= new Set()).add(range[0]);
        }
      }
      // Named in the order of the parameters, whatever the order of the permissions.
      return opened ? blockedOpen(ports.filter((port) => opened.has(port)).join(', ')) : closed;
    };
  },
};
