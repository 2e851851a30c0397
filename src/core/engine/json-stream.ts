/**
 * A streaming reader of the JSON documents the engine accepts, for inputs longer than V8's longest
 * string (about 512 MB), which one `JSON.parse` cannot read. It finds where each element of the
 * document's big list ends by scanning bytes (strings, escapes and nesting only), then parses that
 * element alone with `JSON.parse`: memory holds one element and one chunk, whatever the input's size.
 */

/** Where a value read from the stream sits in the document. */
export type StreamedList = 'root' | 'configurationItems' | 'Results';

/** The streamed values: each element of a big list, and the rest of the document once it is read. */
export interface JsonStreamSink {
  /** One element of the top-level array, or of the top-level object's `configurationItems` or `Results` array. */
  element(list: StreamedList, index: number, value: unknown): void;
  /** The top-level object's other members, or a top-level value that is neither object nor array, at the end. */
  rest(value: unknown, streamedList: boolean): void;
}

/** Malformed JSON; the message says where, in one line. */
export class JsonStreamError extends Error {}

/** The object members streamed element by element instead of parsed whole. */
const STREAMED_MEMBERS: ReadonlySet<string> = new Set(['configurationItems', 'Results']);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Whether a byte ends a number or literal (`true`, `null`...). */
function endsScalar(byte: number): boolean {
  return byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isWhitespace(byte);
}

/** A value's end not yet found: what the scan needs to resume in the next chunk. */
interface PendingValue {
  /** The value's bytes in earlier chunks. */
  readonly pieces: Buffer[];
  depth: number;
  inString: boolean;
  /** The previous chunk ended on an odd run of backslashes inside a string. */
  escaped: boolean;
  /** A number or literal: ends at a delimiter, not at a closing bracket. */
  readonly scalar: boolean;
}

/** Where the reader is in the document's outline. */
type Place =
  | 'start' // before the top-level value
  | 'list' // in a streamed array, before an element or its end
  | 'afterElement' // in a streamed array, after an element
  | 'key' // in the top-level object, before its first key or its end
  | 'nextKey' // in the top-level object, after a comma: before a key
  | 'colon' // after a key
  | 'member' // before a member's value
  | 'afterMember' // after a member's value
  | 'end'; // after the top-level value

/** Parses one complete JSON text, naming the list element it is in a failure. */
function parse(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new JsonStreamError(`${(error as Error).message} in ${where}`);
  }
}

/**
 * Reads a JSON document pushed chunk by chunk. The top-level array's elements and the top-level
 * object's `configurationItems` and `Results` elements go to the sink one at a time; every other
 * member is parsed whole (they are small in every shape the engine reads).
 */
export class JsonStreamReader {
  private place: Place = 'start';
  private list: StreamedList = 'root';
  private index = 0;
  private pending: PendingValue | undefined;
  private key: string | undefined;
  private rest: Record<string, unknown> | undefined;
  private scalarRest: unknown;
  private streamedList = false;
  /** Bytes read before the current chunk, to say where malformed JSON is. */
  private offset = 0;

  public constructor(private readonly sink: JsonStreamSink) {}

  /** Reads a chunk; throws a JsonStreamError on malformed JSON. */
  public write(chunk: Buffer): void {
    let position = this.pending ? this.resume(chunk) : 0;
    while (position >= 0 && position < chunk.length) {
      const byte = chunk[position];
      position = isWhitespace(byte) ? position + 1 : this.step(chunk, position, byte);
    }
    this.offset += chunk.length;
  }

  /** Ends the document; throws a JsonStreamError when it is incomplete. */
  public end(): void {
    if (this.pending?.scalar && this.place === 'start') {
      this.complete(Buffer.concat(this.pending.pieces));
    }
    if (this.place !== 'end') {
      throw new JsonStreamError('Unexpected end of JSON input');
    }
    this.sink.rest(this.rest ?? this.scalarRest, this.streamedList);
  }

  /** One structural step at a non-whitespace byte; returns the next position, or -1 when the chunk ran out mid-value. */
  private step(chunk: Buffer, position: number, byte: number): number {
    switch (this.place) {
      case 'start':
        if (byte === OPEN_BRACKET) {
          this.enterList('root');
          return position + 1;
        }
        if (byte === OPEN_BRACE) {
          this.rest = {};
          this.place = 'key';
          return position + 1;
        }
        return this.scanValue(chunk, position);
      case 'list':
        if (byte === CLOSE_BRACKET && this.index === 0) {
          return this.leaveList(position);
        }
        return this.scanValue(chunk, position);
      case 'afterElement':
        if (byte === COMMA) {
          this.place = 'list';
          return position + 1;
        }
        if (byte === CLOSE_BRACKET) {
          return this.leaveList(position);
        }
        break;
      case 'key':
      case 'nextKey':
        if (byte === CLOSE_BRACE && this.place === 'key') {
          this.place = 'end';
          return position + 1;
        }
        if (byte === QUOTE) {
          return this.scanValue(chunk, position);
        }
        break;
      case 'colon':
        if (byte === COLON) {
          this.place = 'member';
          return position + 1;
        }
        break;
      case 'member':
        if (byte === OPEN_BRACKET && STREAMED_MEMBERS.has(this.key!)) {
          this.enterList(this.key as StreamedList);
          return position + 1;
        }
        return this.scanValue(chunk, position);
      case 'afterMember':
        if (byte === COMMA) {
          this.place = 'nextKey';
          return position + 1;
        }
        if (byte === CLOSE_BRACE) {
          this.place = 'end';
          return position + 1;
        }
        break;
      case 'end':
        break;
    }
    throw this.unexpected(byte, position);
  }

  private unexpected(byte: number, position: number): JsonStreamError {
    return new JsonStreamError(`Unexpected character ${JSON.stringify(String.fromCharCode(byte))} in JSON at position ${this.offset + position}`);
  }

  private enterList(list: StreamedList): void {
    this.list = list;
    this.index = 0;
    this.streamedList = true;
    this.place = 'list';
  }

  private leaveList(position: number): number {
    this.place = this.list === 'root' ? 'end' : 'afterMember';
    return position + 1;
  }

  /** Starts a value at `position`; returns the position after it, or -1 when it continues in the next chunk. */
  private scanValue(chunk: Buffer, position: number): number {
    const first = chunk[position];
    if (first === COLON || endsScalar(first)) {
      throw this.unexpected(first, position);
    }
    const pending: PendingValue = {
      pieces: [],
      depth: 0,
      inString: false,
      escaped: false,
      scalar: first !== OPEN_BRACE && first !== OPEN_BRACKET && first !== QUOTE,
    };
    const end = this.scan(chunk, position, pending);
    if (end < 0) {
      pending.pieces.push(chunk.subarray(position));
      this.pending = pending;
      return -1;
    }
    this.complete(chunk.subarray(position, end));
    return end;
  }

  /** Continues the pending value in a new chunk; returns the position after it, or -1. */
  private resume(chunk: Buffer): number {
    const pending = this.pending!;
    const end = this.scan(chunk, 0, pending);
    if (end < 0) {
      pending.pieces.push(chunk);
      return -1;
    }
    this.pending = undefined;
    this.complete(Buffer.concat([...pending.pieces, chunk.subarray(0, end)]));
    return end;
  }

  /**
   * The position after the value that `pending` describes, scanning from `position`, or -1 when the
   * chunk ends first (the state is then in `pending`). UTF-8 continuation bytes are never a quote or
   * a backslash, so bytes are scanned as they are.
   */
  private scan(chunk: Buffer, position: number, pending: PendingValue): number {
    const length = chunk.length;
    let i = position;
    if (pending.scalar) {
      while (i < length && !endsScalar(chunk[i])) {
        i++;
      }
      return i < length ? i : -1;
    }
    let { depth, inString } = pending;
    if (pending.escaped) {
      pending.escaped = false;
      i++;
    }
    while (i < length) {
      if (inString) {
        // A byte loop, not indexOf from quote to quote: strings are short, and a native call per string costs more.
        while (i < length) {
          const byte = chunk[i++];
          if (byte === QUOTE) {
            inString = false;
            break;
          }
          if (byte === BACKSLASH) {
            // The escaped byte may be the next chunk's first.
            pending.escaped = i === length;
            i++;
          }
        }
        if (inString) {
          break;
        }
        if (depth === 0) {
          return i;
        }
        continue;
      }
      const byte = chunk[i++];
      if (byte === QUOTE) {
        inString = true;
      } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
        depth++;
      } else if ((byte === CLOSE_BRACE || byte === CLOSE_BRACKET) && --depth === 0) {
        return i;
      }
    }
    pending.depth = depth;
    pending.inString = inString;
    return -1;
  }

  /** A complete value's bytes, delivered where the outline puts it. */
  private complete(bytes: Buffer): void {
    this.pending = undefined;
    switch (this.place) {
      case 'start':
        this.scalarRest = parse(bytes.toString('utf8'), 'the document');
        this.place = 'end';
        return;
      case 'list':
        this.sink.element(this.list, this.index, parse(bytes.toString('utf8'), `${this.list === 'root' ? 'item' : this.list}[${this.index}]`));
        this.index++;
        this.place = 'afterElement';
        return;
      case 'key':
      case 'nextKey':
        this.key = parse(bytes.toString('utf8'), 'a key') as string;
        this.place = 'colon';
        return;
      default:
        this.rest![this.key!] = parse(bytes.toString('utf8'), `"${this.key}"`);
        this.place = 'afterMember';
    }
  }
}
