/**
 * MongoDB Extended JSON as the CloudBase SDK speaks it.
 *
 * The SDK (@cloudbase/database 1.4.3) serialises queries, updates, orders, projections and documents with
 * `bson.EJSON.stringify(x, {relaxed: false})`, i.e. canonical EJSON: `{"$numberInt":"1"}`, `{"$numberDouble":"1.5"}`,
 * `{"$numberLong":"1700000000000"}` (bson 4.7 uses Long for integers beyond int32), `{"$date":{"$numberLong":"…"}}`,
 * `{"$regularExpression":{"pattern","options"}}`, plus the CloudBase-only `{"$tcb_server_date":{"offset":n}}` from
 * `db.serverDate()`. Replies are parsed with `EJSON.parse` (relaxed), so we answer in canonical form too.
 *
 * Internally documents are plain JS values (number, string, boolean, null, Date, RegExp, arrays, objects) so mingo
 * can evaluate them directly. We decode by hand rather than with `bson` because we want JS numbers and RegExps,
 * not Int32/Long/BSONRegExp wrappers, and because `$tcb_server_date` needs the server clock.
 */

export type Doc = Record<string, unknown>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

/** Mongo regex options that JavaScript understands; 'x' (extended) and 'l' have no JS equivalent and are dropped. */
function jsRegExpFlags(options: string): string {
  return [...new Set(options.split(''))].filter((f) => 'imsu'.includes(f)).join('');
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

/** Convert one single-key wrapper object, or return `undefined` when it is not a wrapper we know. */
function decodeWrapper(key: string, value: unknown, now: number): { value: unknown } | undefined {
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      // Decimal128 and int64 beyond 2^53 lose precision as JS numbers; CloudBase apps do not use them.
      return { value: Number(value) };
    case '$date': {
      if (isPlainObject(value) && '$numberLong' in value) return { value: new Date(Number(value.$numberLong)) };
      if (typeof value === 'string' || typeof value === 'number') return { value: new Date(value) };
      return undefined;
    }
    case '$regularExpression': {
      if (!isPlainObject(value)) return undefined;
      return { value: new RegExp(String(value.pattern ?? ''), jsRegExpFlags(String(value.options ?? ''))) };
    }
    case '$tcb_server_date': {
      const offset = isPlainObject(value) ? Number(decode(value.offset, now) ?? 0) : 0;
      return { value: new Date(now + offset) };
    }
    case '$oid':
      // CloudBase ids are strings; db.ObjectId() is only ever used to address them.
      return { value: String(value) };
    case '$undefined':
      return { value: undefined };
    default:
      return undefined;
  }
}

/** The value a single-key `{$wrapper: x}` object stands for, or the object itself. */
function unwrap(value: Record<string, unknown>, now: number): unknown {
  let only: string | undefined;
  for (const k in value) {
    if (only !== undefined) return value;
    only = k;
  }
  if (only === undefined || only.charCodeAt(0) !== 36 /* $ */) return value;
  const wrapped = decodeWrapper(only, value[only], now);
  return wrapped ? wrapped.value : value;
}

/**
 * Turn a `JSON.parse` result that may contain EJSON wrappers into plain JS values.
 * Works IN PLACE on the (freshly parsed) input, which keeps replaying a large log cheap.
 * `now` is the server time used for `$tcb_server_date` (one value per request, like a real server).
 */
export function decode(value: unknown, now: number = Date.now()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v !== null && typeof v === 'object') value[i] = decode(v, now) ?? null;
    }
    return value;
  }
  const obj = value as Record<string, unknown>;
  const unwrapped = unwrap(obj, now);
  if (unwrapped !== obj) return unwrapped;
  for (const k in obj) {
    const v = obj[k];
    if (v === null || typeof v !== 'object') continue;
    const d = decode(v, now);
    if (d === undefined) delete obj[k];
    else if (d !== v) obj[k] = d;
  }
  return obj;
}

/** Parse an EJSON string from the wire (or a log line) into plain JS values. */
export function parse(text: string, now: number = Date.now()): unknown {
  return decode(JSON.parse(text), now);
}

function wrapNonFinite(n: number): { $numberDouble: string } {
  return { $numberDouble: Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity' };
}

function wrapDate(d: Date): { $date: { $numberLong: string } } {
  return { $date: { $numberLong: String(d.getTime()) } };
}

function wrapRegExp(r: RegExp): { $regularExpression: { pattern: string; options: string } } {
  return { $regularExpression: { pattern: r.source, options: r.flags.split('').sort().join('') } };
}

/**
 * The JSON-ready relaxed form of a value: the value itself when it holds nothing JSON cannot express, otherwise a
 * copy with Dates, RegExps and non-finite numbers wrapped. Avoiding copies keeps bulk loads and replies cheap.
 */
function relaxed(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : wrapNonFinite(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return wrapDate(value);
  if (value instanceof RegExp) return wrapRegExp(value);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const r = relaxed(value[i]);
      if (r !== value[i]) {
        out ??= value.slice();
        out[i] = r;
      }
    }
    return out ?? value;
  }
  let out: Doc | undefined;
  const obj = value as Doc;
  for (const k in obj) {
    const v = obj[k];
    const r = relaxed(v);
    if (r !== v) {
      out ??= { ...obj };
      out[k] = r;
    }
  }
  return out ?? value;
}

/** The JSON-ready canonical form: every number typed, as `EJSON.stringify(x, {relaxed: false})` would write it. */
function canonical(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return wrapNonFinite(value);
    if (Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX && !Object.is(value, -0)) {
      return { $numberInt: String(value) };
    }
    return { $numberDouble: Object.is(value, -0) ? '-0.0' : String(value) };
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return wrapDate(value);
  if (value instanceof RegExp) return wrapRegExp(value);
  if (Array.isArray(value)) return value.map(canonical);
  const out: Doc = {};
  const obj = value as Doc;
  for (const k in obj) out[k] = canonical(obj[k]);
  return out;
}

/** Canonical EJSON, the form the SDK sends and expects back (`EJSON.stringify(x, {relaxed:false})`). */
export function stringifyCanonical(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

/**
 * Relaxed EJSON for the on-disk log: plain JSON numbers (compact and fast to parse) but Dates, RegExps and
 * non-finite numbers still wrapped, so `parse` restores exactly what was stored.
 */
export function stringifyRelaxed(value: unknown): string {
  return JSON.stringify(relaxed(value)) ?? 'null';
}

/** Deep copy of a document value made only of the types above (cheaper and type-preserving vs. structuredClone). */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  const out: Doc = {};
  for (const k of Object.keys(value)) out[k] = clone((value as Doc)[k]);
  return out as T;
}

/** Structural equality over the same value types, used to tell whether an update changed a document. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  if (a instanceof RegExp || b instanceof RegExp) {
    return a instanceof RegExp && b instanceof RegExp && a.source === b.source && a.flags === b.flags;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  // Key order matters in MongoDB documents ({a,b} != {b,a}), so compare positionally.
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual((a as Doc)[k], (b as Doc)[k]));
}
