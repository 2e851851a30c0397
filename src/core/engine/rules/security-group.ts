import { readOncePerItem } from './read-once';
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

/**
 * The world sources among the permission's range lists (1.3 `ipv4Ranges`/`ipv6Ranges`, 1.2
 * `ipRanges`), each list read once: plain strings (1.2 history shape) or `{cidrIp}` / `{cidrIpv6}` objects (1.3).
 */
function worldsOf(permission: Record<string, unknown>): readonly World[] {
  let ipv4 = false;
  let ipv6 = false;
  for (const ranges of [permission.ipv4Ranges, permission.ipRanges, permission.ipv6Ranges]) {
    if (!Array.isArray(ranges)) {
      continue;
    }
    for (const range of ranges) {
      const record = asRecord(range);
      const cidr = record ? record.cidrIp : range;
      const cidrIpv6 = record?.cidrIpv6;
      ipv4 ||= cidr === IPV4_WORLD || cidrIpv6 === IPV4_WORLD;
      ipv6 ||= cidr === IPV6_WORLD || cidrIpv6 === IPV6_WORLD;
    }
  }
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

/** The ingress permissions of a security group item, read once for the four rules that judge them. */
export const ingressPermissions: (item: ConfigurationItem) => readonly IngressPermission[] = readOncePerItem((item) => {
  const permissions: IngressPermission[] = [];
  for (const raw of asArray(item.configuration.ipPermissions)) {
    const permission = toPermission(raw);
    if (permission) {
      permissions.push(permission);
    }
  }
  return permissions;
});

/** The first of the worlds that the permission is open to. */
export function worldOpened(permission: IngressPermission, worlds: readonly World[]): World | undefined {
  for (const world of worlds) {
    if (permission.worlds.includes(world)) {
      return world;
    }
  }
  return undefined;
}

/** Whether the permission carries the protocol (`all` carries every protocol). */
function carries(permission: IngressPermission, protocol: 'tcp' | 'udp'): boolean {
  return permission.protocol === protocol || permission.protocol === 'all';
}

function overlapsPorts(permission: IngressPermission, range: PortRange): boolean {
  return range[0] <= permission.toPort && permission.fromPort <= range[1];
}

const PORT_PROTOCOLS = ['tcp', 'udp'] as const;
// Shared: most permissions open nothing forbidden, and each rule asks of every permission of every group.
const NOTHING_OPENED: readonly PortRange[] = [];

/** Whether the permission opens a forbidden range to a forbidden world; builds nothing, as the rules ask it of every permission. */
export function opensForbidden(permission: IngressPermission, forbidden: ForbiddenIngress): boolean {
  if (worldOpened(permission, forbidden.worlds) === undefined) {
    return false;
  }
  for (const protocol of PORT_PROTOCOLS) {
    if (!carries(permission, protocol)) {
      continue;
    }
    for (const range of forbidden[protocol]) {
      if (overlapsPorts(permission, range)) {
        return true;
      }
    }
  }
  return false;
}

/** The forbidden TCP ranges, then UDP ranges, that the permission opens to a forbidden world. */
export function forbiddenRangesOpened(permission: IngressPermission, forbidden: ForbiddenIngress): readonly PortRange[] {
  if (worldOpened(permission, forbidden.worlds) === undefined) {
    return NOTHING_OPENED;
  }
  let opened: PortRange[] | undefined;
  for (const protocol of PORT_PROTOCOLS) {
    if (!carries(permission, protocol)) {
      continue;
    }
    for (const range of forbidden[protocol]) {
      if (overlapsPorts(permission, range)) {
        (opened ??= []).push(range);
      }
    }
  }
  return opened ?? NOTHING_OPENED;
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
