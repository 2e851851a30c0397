import { ConfigurationItem } from '../types';
import { asArray, asNumber, asRecord, asText, csv } from '../values';

/** An ingress permission of a security group, reduced to what the port rules need. */
export interface IngressPermission {
  /** `tcp`, `udp`, `all` (protocol -1), or another protocol name or number. */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  /** Whether the source includes 0.0.0.0/0. */
  readonly openToIpv4World: boolean;
  /** Whether the source includes ::/0. */
  readonly openToIpv6World: boolean;
}

const PROTOCOL_NAMES: ReadonlyMap<string, string> = new Map([['-1', 'all'], ['6', 'tcp'], ['17', 'udp']]);

const IPV4_WORLD = '0.0.0.0/0';
const IPV6_WORLD = '::/0';

/** Whether a range list holds a CIDR: plain strings (1.2 history shape) or `{cidrIp}` / `{cidrIpv6}` objects (1.3). */
function hasCidr(ranges: unknown, cidr: string): boolean {
  if (!Array.isArray(ranges)) {
    return false;
  }
  for (const range of ranges) {
    if (range === cidr) {
      return true;
    }
    const record = asRecord(range);
    if (record && (record.cidrIp === cidr || record.cidrIpv6 === cidr)) {
      return true;
    }
  }
  return false;
}

/** Whether any of the permission's range lists (1.3 `ipv4Ranges`/`ipv6Ranges`, 1.2 `ipRanges`) holds the CIDR. */
function inAnyRangeList(permission: Record<string, unknown>, cidr: string): boolean {
  return hasCidr(permission.ipv4Ranges, cidr) || hasCidr(permission.ipRanges, cidr) || hasCidr(permission.ipv6Ranges, cidr);
}

function toPermission(raw: unknown): IngressPermission | undefined {
  const permission = asRecord(raw);
  if (!permission) {
    return undefined;
  }
  const rawProtocol = asText(permission.ipProtocol);
  const protocol = PROTOCOL_NAMES.get(rawProtocol) ?? rawProtocol.toLowerCase();
  // All traffic, or a TCP/UDP permission without ports (-1 or missing), spans every port.
  const fromPort = asNumber(permission.fromPort);
  const toPort = asNumber(permission.toPort);
  const allPorts = protocol === 'all' || fromPort === undefined || fromPort < 0;
  return {
    protocol,
    fromPort: allPorts ? 0 : fromPort,
    toPort: allPorts || toPort === undefined || toPort < 0 ? 65535 : toPort,
    openToIpv4World: inAnyRangeList(permission, IPV4_WORLD),
    openToIpv6World: inAnyRangeList(permission, IPV6_WORLD),
  };
}

/**
 * The last item read and its permissions: the security-group rules run one after another on the
 * same item, so they share one reading of it instead of each reading it again.
 */
let lastRead: { item: ConfigurationItem; permissions: readonly IngressPermission[] } | undefined;

/** The ingress permissions of a security group item. */
export function ingressPermissions(item: ConfigurationItem): readonly IngressPermission[] {
  if (lastRead?.item === item) {
    return lastRead.permissions;
  }
  const permissions: IngressPermission[] = [];
  for (const raw of asArray(item.configuration.ipPermissions)) {
    const permission = toPermission(raw);
    if (permission) {
      permissions.push(permission);
    }
  }
  lastRead = { item, permissions };
  return permissions;
}

/** Whether the permission carries the protocol (`all` carries every protocol). */
export function carries(permission: IngressPermission, protocol: 'tcp' | 'udp'): boolean {
  return permission.protocol === protocol || permission.protocol === 'all';
}

export function coversPort(permission: IngressPermission, port: number): boolean {
  return permission.fromPort <= port && port <= permission.toPort;
}

export function describePorts(permission: IngressPermission): string {
  if (permission.protocol === 'all') {
    return 'all traffic';
  }
  const ports = permission.fromPort === permission.toPort ? `${permission.fromPort}` : `${permission.fromPort}-${permission.toPort}`;
  return `${permission.protocol.toUpperCase()} ${ports}`;
}

/** Inclusive port ranges from `"443,1020-1025"`. */
export function parsePortRanges(value: string | undefined): Array<[number, number]> {
  return csv(value).map((item) => {
    const [from, to] = item.split('-').map((part) => Number(part.trim()));
    return [from, to ?? from];
  });
}
