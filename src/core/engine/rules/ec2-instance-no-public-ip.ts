import { RuleImplementation } from '../types';
import { asArray, asRecord, asString, JsonRecord } from '../values';
import { compliant, nonCompliant, notApplicable, sharedVerdicts } from '../verdict';

const NO_PUBLIC_IP = compliant('Instance has no public IPv4 address');
const NOT_RECORDED = notApplicable('Network interfaces not recorded');
const publicIp = sharedVerdicts((address: string) => nonCompliant(`Instance has public IPv4 address ${address}`));

/** A non-empty `publicIp` of an association (`{publicIp, publicDnsName, ipOwnerId}`), or undefined. */
function associationIp(owner: unknown): string | undefined {
  const address = asString(asRecord(asRecord(owner)?.association)?.publicIp);
  return address ? address : undefined;
}

/** The first `publicIp` of an interface: its own association's, then its private addresses'. */
function interfaceIp(networkInterface: unknown): string | undefined {
  const own = associationIp(networkInterface);
  if (own) {
    return own;
  }
  for (const privateAddress of asArray(asRecord(networkInterface)?.privateIpAddresses)) {
    const address = associationIp(privateAddress);
    if (address) {
      return address;
    }
  }
  return undefined;
}

function firstPublicIp(configuration: JsonRecord): string | undefined {
  for (const networkInterface of asArray(configuration.networkInterfaces)) {
    const address = interfaceIp(networkInterface);
    if (address) {
      return address;
    }
  }
  // The instance-level address is the primary interface's publicIp; an item that records only it
  // (an EC2-Classic instance has no interfaces) has that public address all the same.
  const instanceLevel = asString(configuration.publicIpAddress);
  return instanceLevel ? instanceLevel : undefined;
}

/**
 * EC2_INSTANCE_NO_PUBLIC_IP: NON_COMPLIANT if a `publicIp` is present in the instance's
 * configuration item (its network interfaces' associations); IPv4 only, so IPv6 addresses are not
 * read. An item that records neither interfaces nor an instance-level address says nothing about
 * them: NOT_APPLICABLE, not recorded.
 */
export const ec2InstanceNoPublicIp: RuleImplementation = {
  ruleName: 'ec2-instance-no-public-ip',
  compile: () => (item) => {
    const configuration = item.configuration;
    const address = firstPublicIp(configuration);
    if (address) {
      return publicIp(address);
    }
    return Array.isArray(configuration.networkInterfaces) ? NO_PUBLIC_IP : NOT_RECORDED;
  },
};
