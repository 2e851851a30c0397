import { RuleImplementation } from '../types';
import { compliant, nonCompliant } from '../verdict';
import { describePorts, ForbiddenIngress, forbiddenRangesOpened, ingressPermissions, IPV4_WORLD, IPV6_WORLD, worldOpened } from './security-group';

/** INCOMING_SSH_DISABLED forbids TCP 22 from 0.0.0.0/0 and from ::/0. */
export const SSH_FORBIDDEN: ForbiddenIngress = { tcp: [[22, 22]], udp: [], worlds: [IPV4_WORLD, IPV6_WORLD] };

const CLOSED = compliant('No ingress allows SSH from 0.0.0.0/0 or ::/0');

/** INCOMING_SSH_DISABLED: no ingress allows TCP 22 from 0.0.0.0/0 or ::/0. */
export const restrictedSsh: RuleImplementation = {
  ruleName: 'restricted-ssh',
  forbiddenIngress: () => SSH_FORBIDDEN,
  compile: () => (item) => {
    const open = ingressPermissions(item).find((permission) => forbiddenRangesOpened(permission, SSH_FORBIDDEN).length > 0);
    if (open) {
      // The range is named only when it is wider than SSH's own port, so the annotation says nothing twice.
      const ports = describePorts(open);
      const through = ports === 'TCP 22' ? '' : ` through ${ports}`;
      return nonCompliant(`SSH (TCP 22) is open to ${worldOpened(open, SSH_FORBIDDEN.worlds)}${through}`);
    }
    return CLOSED;
  },
};
