/**
 * Seeded randomness. Every table draws from a stream of its own, named, so adding a
 * draw to one table never shifts another's rows; ids are derived from (seed, table,
 * row number) alone, so a row keeps its id whatever else changes. No Math.random.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32 that mixes every bit. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hashName(name: string): number {
  let h = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

/** sfc32 (Chris Doty-Humphrey's small fast counter generator), seeded per (seed, stream name). */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream: string) {
    const h = hashName(stream);
    this.a = mix32((seed >>> 0) ^ 0x9e3779b9);
    this.b = mix32(h ^ Math.floor(seed / 2 ** 32));
    this.c = mix32(((seed >>> 0) + h) >>> 0);
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** In [0, 1). */
  float(): number {
    return this.uint32() / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** An integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }

  /** A value drawn by weight from `[[value, weight], …]`. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.float() * total;
    for (const [v, w] of table) {
      r -= w;
      if (r < 0) return v;
    }
    return table[table.length - 1][0];
  }

  /** A value from a table built once (for draws from long tables in hot loops). */
  from<T>(table: WeightTable<T>): T {
    return table.draw(this.float());
  }

  /** Up to `n` distinct elements of `xs`, in draw order (n small against xs). */
  some<T>(xs: readonly T[], n: number): T[] {
    const out: T[] = [];
    for (let tries = 0; out.length < Math.min(n, xs.length) && tries < 8 * n + 8; tries++) {
      const x = this.pick(xs);
      if (!out.includes(x)) out.push(x);
    }
    return out;
  }

  /** Skewed towards 0: a few are picked often, most rarely (how active volunteers are). */
  skewed(n: number, power: number): number {
    return Math.min(n - 1, Math.floor(n * this.float() ** power));
  }
}

/** Cumulative weights, searched by bisection: a draw from a table of thousands costs a dozen steps. */
export class WeightTable<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;

  constructor(table: readonly (readonly [T, number])[]) {
    this.values = table.map(([v]) => v);
    this.cumulative = new Float64Array(table.length);
    let total = 0;
    table.forEach(([, w], i) => (this.cumulative[i] = total += w));
  }

  /** The value at `u` in [0, 1) of the total weight. */
  draw(u: number): T {
    const target = u * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (x: number) => HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];

/**
 * Version-4-shaped UUIDs of the rows of one table: row `i` always gets the same id for a
 * seed. Each 32-bit word is a bijection of `i`, so ids never collide within a table.
 */
export class Ids {
  private readonly salt: number[];
  private readonly w = new Uint32Array(4);

  constructor(seed: number, table: string) {
    const h = hashName(table);
    this.salt = [0, 1, 2, 3].map((k) => mix32(((seed >>> 0) ^ Math.imul(h, 2 * k + 1)) + k));
  }

  /** The id's four big-endian words, in a buffer reused by the next call. */
  words(i: number): Uint32Array {
    const s = this.salt;
    const w = this.w;
    w[0] = mix32((Math.imul(i, 0x9e3779b1) ^ s[0]) >>> 0);
    w[1] = (mix32((Math.imul(i, 0x85ebca77) + s[1]) >>> 0) & 0xffff0fff) | 0x00004000;
    w[2] = (mix32((Math.imul(i, 0xc2b2ae3d) ^ s[2]) >>> 0) & 0x3fffffff) | 0x80000000;
    w[3] = mix32((Math.imul(i, 0x27d4eb2f) + s[3]) >>> 0);
    return w;
  }

  of(i: number): string {
    const w = this.words(i);
    const b = hex32(w[1]);
    const c = hex32(w[2]);
    return `${hex32(w[0])}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${hex32(w[3])}`;
  }

  /** The 16 bytes of the id (COPY's binary format for uuid) at `pos` in `buf`. */
  write(i: number, buf: Buffer, pos: number): void {
    const w = this.words(i);
    buf.writeUInt32BE(w[0], pos);
    buf.writeUInt32BE(w[1], pos + 4);
    buf.writeUInt32BE(w[2], pos + 8);
    buf.writeUInt32BE(w[3], pos + 12);
  }

  /** The ids of rows 0..n-1 (for tables whose ids other rows refer to). */
  all(n: number): string[] {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.of(i);
    return out;
  }

  /** The ids of rows 0..n-1 as 16 bytes each, one after another. */
  allBytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(16 * n);
    for (let i = 0; i < n; i++) this.write(i, out, 16 * i);
    return out;
  }
}
