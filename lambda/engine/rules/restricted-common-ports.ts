import { DEFAULT_BLOCKED_PORTS, numberedParameterValues } from '../../../src/rules/catalog';
import { RuleImplementation } from '../types';
import { csv } from '../values';
import { compliant, nonCompliant } from '../verdict';
import { carries, coversPort, ingressPermissions } from './security-group';

/** blockedPort1, blockedPort2, ... and the newer `blockedPorts` list; AWS's five defaults when none is given. */
export function blockedPorts(parameters: Readonly<Record<string, string>>): number[] {
  const numbered = numberedParameterValues('restricted-common-ports', parameters).map(({ value }) => Number(value));
  const listed = csv(parameters.blockedPorts).map(Number);
  const ports = [...numbered, ...listed].filter((port) => Number.isInteger(port));
  return ports.length > 0 ? ports : DEFAULT_BLOCKED_PORTS;
}

/** RESTRICTED_INCOMING_TRAFFIC: no ingress allows TCP to a blocked port from 0.0.0.0/0 (AWS checks IPv4 only). */
export const restrictedCommonPorts: RuleImplementation = {
  ruleName: 'restricted-common-ports',
  compile: (parameters) => {
    const ports = blockedPorts(parameters);
    const closed = compliant(`No blocked TCP port (${ports.join(', ')}) is open to 0.0.0.0/0`);
    return (item) => {
      const permissions = ingressPermissions(item);
      const open = ports.filter((port) => permissions.some((permission) =>
        permission.openToIpv4World && carries(permission, 'tcp') && coversPort(permission, port)));
      return open.length > 0
        ? nonCompliant(`Blocked TCP port${open.length > 1 ? 's' : ''} ${open.join(', ')} open to 0.0.0.0/0`)
        : closed;
    };
  },
};
