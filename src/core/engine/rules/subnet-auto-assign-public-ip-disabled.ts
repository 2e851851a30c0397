import { RuleImplementation } from '../types';
import { compliant, nonCompliant, notApplicable } from '../verdict';

const DISABLED = compliant('Subnet does not auto-assign public IPv4 or IPv6 addresses');
const IPV4 = nonCompliant('Subnet auto-assigns public IPv4 addresses (mapPublicIpOnLaunch true)');
const IPV6 = nonCompliant('Subnet auto-assigns IPv6 addresses (assignIpv6AddressOnCreation true)');
const BOTH = nonCompliant('Subnet auto-assigns public IPv4 and IPv6 addresses (mapPublicIpOnLaunch and assignIpv6AddressOnCreation true)');
const NOT_RECORDED = notApplicable('Subnet auto-assign settings not recorded (mapPublicIpOnLaunch, assignIpv6AddressOnCreation)');

/**
 * SUBNET_AUTO_ASSIGN_PUBLIC_IP_DISABLED: the subnet auto-assigns neither public IPv4 addresses
 * (`mapPublicIpOnLaunch`) nor IPv6 addresses (`assignIpv6AddressOnCreation`). The older page checked
 * IPv4 only; the current one adds IPv6, and counts every auto-assigned IPv6 (GUA) range as public.
 * COMPLIANT needs both settings recorded; a setting that is true is a violation on its own.
 */
export const subnetAutoAssignPublicIpDisabled: RuleImplementation = {
  ruleName: 'subnet-auto-assign-public-ip-disabled',
  compile: () => (item) => {
    const ipv4 = item.configuration.mapPublicIpOnLaunch;
    const ipv6 = item.configuration.assignIpv6AddressOnCreation;
    if (ipv4 === true) {
      return ipv6 === true ? BOTH : IPV4;
    }
    if (ipv6 === true) {
      return IPV6;
    }
    return ipv4 === false && ipv6 === false ? DISABLED : NOT_RECORDED;
  },
};
