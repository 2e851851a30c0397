import { RuleImplementation } from '../types';
import { compliant, nonCompliant, sharedVerdicts } from '../verdict';
import { describePorts, ForbiddenIngress, ingressPermissions, IPV4_WORLD, IPV6_WORLD, opensForbidden, worldOpened } from './security-group';

/** INCOMING_SSH_DISABLED forbids TCP 22 from 0.0.0.0/0 and from ::/0. */
export const SSH_FORBIDDEN: ForbiddenIngress = { tcp: [[22, 22]], udp: [], worlds: [IPV4_WORLD, IPV6_WORLD] };

const CLOSED = compliant('No ingress allows SSH from 0.0.0.0/0 or ::/0');
const open = sharedVerdicts((annotation: string) => nonCompliant(annotation));

/** INCOMING_SSH_DISABLED: no ingress allows TCP 22 from 0.0.0.0/0 or ::/0. */
export const restrictedSsh: RuleImplementation = {
  ruleName: 'restricted-ssh',
  forbiddenIngress: () => SSH_FORBIDDEN,
  compile: () => (item) => {
    for (const permission of ingressPermissions(item)) {
      if (opensForbidden(permission, SSH_FORBIDDEN)) {
        // The range is named only when it is wider than SSH's own port, so the annotation says nothing twice.
        const ports = describePorts(permission);
        const through = ports === 'TCP 22' ? '' : ` through ${ports}`;
        return open(`SSH (TCP 22) is open to ${worldOpened(permission, SSH_FORBIDDEN.worlds)}${through}`);
      }
    }
    return CLOSED;
  },
};
