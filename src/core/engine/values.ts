/** Safe reads of untyped JSON: every configuration field may be missing or of another type. */

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as JsonRecord : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * A value as text: strings as they are, numbers and booleans written out, objects and arrays as
 * JSON, missing as empty. Never throws, unlike `String()` on an object whose `toString` is not a function.
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return value === undefined || value === null ? '' : JSON.stringify(value) ?? '';
}

/** A number, or a numeric string (history items write some numbers as strings). */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * A record that Config may deliver as an object or as a JSON string (the API's `configuration`, and
 * supplementary configurations such as `AccessControlList`).
 */
export function asRecordOrJson(value: unknown): JsonRecord | undefined {
  if (typeof value === 'string') {
    try {
      return asRecord(JSON.parse(value));
    } catch {
      return undefined;
    }
  }
  return asRecord(value);
}

/** Comma-separated values, trimmed, without empty items. */
export function csv(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').map((item) => item.trim()).filter((item) => item.length > 0);
}
