import { RuleImplementation } from '../types';
import { compliant, nonCompliant } from '../verdict';
import { carries, coversPort, describePorts, ingressPermissions } from './security-group';

const SSH_PORT = 22;
const CLOSED = compliant('No ingress allows SSH from 0.0.0.0/0 or ::/0');

/** INCOMING_SSH_DISABLED: no ingress allows TCP 22 from 0.0.0.0/0 or ::/0. */
export const restrictedSsh: RuleImplementation = {
  ruleName: 'restricted-ssh',
  compile: () => (item) => {
    const open = ingressPermissions(item).find((permission) =>
      (permission.openToIpv4World || permission.openToIpv6World) && carries(permission, 'tcp') && coversPort(permission, SSH_PORT));
    if (open) {
      const world = open.openToIpv4World ? '0.0.0.0/0' : '::/0';
      return nonCompliant(`SSH (TCP 22) is open to ${world} through ${describePorts(open)}`);
    }
    return CLOSED;
  },
};
