import { ConfigurationItem } from '../types';
import { asArray, asNumber, asRecord, asText, csv } from '../values';

/** An inclusive port range. */
export type PortRange = readonly [number, number];

export const ALL_PORTS: PortRange = [0, 65535];

/** The sources that mean anyone on the internet. */
export const IPV4_WORLD = '0.0.0.0/0';
export const IPV6_WORLD = '::/0';
export type World = typeof IPV4_WORLD | typeof IPV6_WORLD;

/**
 * The world ingress a security-group rule forbids: the TCP and UDP port ranges that must not be open,
 * and the world sources it checks them from. A rule's verdict and its remediation fix both read this,
 * so that what is judged and what is fixed are the same thing.
 */
export interface ForbiddenIngress {
  readonly tcp: readonly PortRange[];
  readonly udp: readonly PortRange[];
  readonly worlds: readonly World[];
}

/** An ingress permission of a security group, reduced to what the port rules need. */
export interface IngressPermission {
  /** `tcp`, `udp`, `all` (protocol -1), or another protocol name or number. */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  /** The world sources among its sources, IPv4 first. */
  readonly worlds: readonly World[];
}

const PROTOCOL_NAMES: ReadonlyMap<string, string> = new Map([['-1', 'all'], ['6', 'tcp'], ['17', 'udp']]);

// Shared, so that reading a permission builds no list of its worlds.
const NO_WORLD: readonly World[] = [];
const IPV4_ONLY: readonly World[] = [IPV4_WORLD];
const IPV6_ONLY: readonly World[] = [IPV6_WORLD];
const BOTH_WORLDS: readonly World[] = [IPV4_WORLD, IPV6_WORLD];

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

function worldsOf(permission: Record<string, unknown>): readonly World[] {
  const ipv4 = inAnyRangeList(permission, IPV4_WORLD);
  const ipv6 = inAnyRangeList(permission, IPV6_WORLD);
  return ipv4 ? (ipv6 ? BOTH_WORLDS : IPV4_ONLY) : (ipv6 ? IPV6_ONLY : NO_WORLD);
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
    worlds: worldsOf(permission),
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

/** The first of the worlds that the permission is open to. */
export function worldOpened(permission: IngressPermission, worlds: readonly World[]): World | undefined {
  return worlds.find((world) => permission.worlds.includes(world));
}

/** Whether the permission carries the protocol (`all` carries every protocol). */
function carries(permission: IngressPermission, protocol: 'tcp' | 'udp'): boolean {
  return permission.protocol === protocol || permission.protocol === 'all';
}

function overlaps([from, to]: PortRange, [start, end]: PortRange): boolean {
  return from <= end && start <= to;
}

/** The forbidden TCP ranges, then UDP ranges, that the permission opens to a forbidden world. */
export function forbiddenRangesOpened(permission: IngressPermission, forbidden: ForbiddenIngress): PortRange[] {
  if (worldOpened(permission, forbidden.worlds) === undefined) {
    return [];
  }
  const ports: PortRange = [permission.fromPort, permission.toPort];
  const opened: PortRange[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    if (!carries(permission, protocol)) {
      continue;
    }
    for (const range of forbidden[protocol]) {
      if (overlaps(range, ports)) {
        opened.push(range);
      }
    }
  }
  return opened;
}

export function describePorts(permission: IngressPermission): string {
  if (permission.protocol === 'all') {
    return 'all traffic';
  }
  const ports = permission.fromPort === permission.toPort ? `${permission.fromPort}` : `${permission.fromPort}-${permission.toPort}`;
  return `${permission.protocol.toUpperCase()} ${ports}`;
}

/** Inclusive port ranges from `"443,1020-1025"`. */
export function parsePortRanges(value: string | undefined): PortRange[] {
  return csv(value).map((item) => {
    const [from, to] = item.split('-').map((part) => Number(part.trim()));
    return [from, to ?? from];
  });
}

/** The ports of `outer` outside every range of `holes`, as ranges. */
export function subtractRanges(outer: PortRange, holes: readonly PortRange[]): PortRange[] {
  let pieces: PortRange[] = [outer];
  for (const [from, to] of holes) {
    pieces = pieces.flatMap(([start, end]): PortRange[] => {
      if (to < start || from > end) {
        return [[start, end]];
      }
      const kept: PortRange[] = [];
      if (from > start) {
        kept.push([start, from - 1]);
      }
      if (to < end) {
        kept.push([to + 1, end]);
      }
      return kept;
    });
  }
  return pieces;
}
