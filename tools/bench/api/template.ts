/**
 * How the bare server (b) builds the API's JSON from the rows of the API's own
 * statements, whatever SQL the API uses today: learned per captured request by finding,
 * for every value of the API's response, the cell of a result row that holds it (a
 * column, or a value inside a json column), converted the way a mapper converts it (a
 * timestamp to ISO 8601, a bigint string to a number). Cursors that are base64url JSON of
 * such values are rebuilt from them. What no cell holds (hasNextPage, a computed flag)
 * stays a constant. At request time the bare server fills the template from fresh rows.
 */

type Convert = 'same' | 'iso' | 'number';
export type Template =
  | { k: 'const'; v: unknown }
  | { k: 'cell'; s: number; r: number; c: string; p: (string | number)[]; t: Convert }
  | { k: 'obj'; f: [string, Template][] }
  | { k: 'arr'; i: Template[] }
  | { k: 'cursor'; inner: Template };

interface Cell {
  s: number;
  r: number;
  c: string;
  p: (string | number)[];
  t: Convert;
}

const norm = (name: string) => name.replace(/_/g, '').toLowerCase();
/** Whether a cell's column (or key inside a json column) is named for a field: `t__requires_approval` for `requiresApproval`. */
const named = (c: Cell, field: string) => {
  const f = norm(field);
  return f !== '' && (norm(c.p.length ? String(c.p[c.p.length - 1]) : c.c) === f || norm(c.c).endsWith(f));
};

function keyOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return `s:${value}`;
  if (typeof value === 'number') return `n:${value}`;
  if (typeof value === 'boolean') return `b:${value}`;
  if (Array.isArray(value) && value.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) return `a:${JSON.stringify(value)}`;
  return null;
}

/** Every value in the rows, by what it would look like in JSON. */
function index(rows: Record<string, unknown>[][]): Map<string, Cell[]> {
  const found = new Map<string, Cell[]>();
  const add = (key: string | null, cell: Cell) => {
    if (!key) return;
    const list = found.get(key);
    if (list) list.push(cell);
    else found.set(key, [cell]);
  };
  const visit = (value: unknown, cell: Omit<Cell, 't'>) => {
    if (value instanceof Date) {
      if (!Number.isNaN(value.getTime())) add(`s:${value.toISOString()}`, { ...cell, t: 'iso' });
      return;
    }
    add(keyOf(value), { ...cell, t: 'same' });
    if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) add(`n:${Number(value)}`, { ...cell, t: 'number' });
    if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, { ...cell, p: [...cell.p, Array.isArray(value) ? Number(k) : k] });
    }
  };
  rows.forEach((statementRows, s) => statementRows.forEach((row, r) => Object.entries(row).forEach(([c, v]) => visit(v, { s, r, c, p: [] }))));
  return found;
}

function decodeCursor(value: string): unknown {
  if (!/^[A-Za-z0-9_-]{8,}$/.test(value)) return undefined;
  try {
    const decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    return decoded && typeof decoded === 'object' && Buffer.from(JSON.stringify(decoded)).toString('base64url') === value ? decoded : undefined;
  } catch {
    return undefined;
  }
}

export interface Learned {
  template: Template;
  fromRows: number;
  constants: number;
}

/** The template that rebuilds `response` from `rows`. */
export function learn(response: unknown, rows: Record<string, unknown>[][]): Learned {
  const cells = index(rows);
  let fromRows = 0;
  let constants = 0;
  /** The row the enclosing object's other values came from: its siblings most likely sit there too. */
  const walk = (value: unknown, field: string, near: { s: number; r: number } | null): Template => {
    if (Array.isArray(value)) {
      const whole = keyOf(value);
      const candidates = whole ? cells.get(whole) : undefined;
      if (candidates && value.length) return pick(candidates, field, near);
      return { k: 'arr', i: value.map((v) => walk(v, field, near)) };
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>);
      // Find the object's row from its id first, then place the other fields near it.
      const idCell = typeof (value as { id?: unknown }).id === 'string' ? best(cells.get(`s:${(value as { id: string }).id}`), 'id', near) : null;
      const here = idCell ? { s: idCell.s, r: idCell.r } : near;
      return { k: 'obj', f: entries.map(([k, v]) => [k, walk(v, k, here)]) };
    }
    if (typeof value === 'string') {
      const candidates = cells.get(`s:${value}`);
      if (candidates) return pick(candidates, field, near);
      const decoded = decodeCursor(value);
      if (decoded !== undefined) {
        const inner = walk(decoded, field, near);
        return { k: 'cursor', inner };
      }
    }
    const key = keyOf(value);
    const candidates = key ? cells.get(key) : undefined;
    // A boolean or a small number found anywhere is a coincidence unless its column is named for the field.
    if (candidates && (typeof value !== 'boolean' || candidates.some((c) => named(c, field)))) {
      return pick(candidates, field, near, typeof value === 'boolean');
    }
    constants++;
    return { k: 'const', v: value };
  };
  const pick = (candidates: Cell[], field: string, near: { s: number; r: number } | null, needName = false): Template => {
    const cell = best(candidates, field, near, needName);
    if (!cell) {
      constants++;
      return { k: 'const', v: undefined };
    }
    fromRows++;
    return { k: 'cell', ...cell };
  };
  const template = walk(response, '', null);
  return { template: fixUndefined(template, response), fromRows, constants };
}

function best(candidates: Cell[] | undefined, field: string, near: { s: number; r: number } | null, needName = false): Cell | null {
  if (!candidates?.length) return null;
  const score = (c: Cell) => (named(c, field) ? 2 : 0) + (near && c.s === near.s && c.r === near.r ? 4 : 0) + (near && c.s === near.s ? 1 : 0);
  const sorted = [...candidates].sort((a, b) => score(b) - score(a));
  if (needName && !named(sorted[0], field)) return null;
  return sorted[0];
}

/** A pick that found no usable cell becomes the constant it stands for. */
function fixUndefined(t: Template, value: unknown): Template {
  if (t.k === 'const' && t.v === undefined) return { k: 'const', v: value };
  if (t.k === 'obj') return { k: 'obj', f: t.f.map(([k, sub]) => [k, fixUndefined(sub, (value as Record<string, unknown>)[k])]) };
  if (t.k === 'arr') return { k: 'arr', i: t.i.map((sub, i) => fixUndefined(sub, (value as unknown[])[i])) };
  if (t.k === 'cursor') return t.inner.k === 'const' && t.inner.v === undefined ? { k: 'const', v: value } : t;
  return t;
}

/** The response for fresh rows of the same statements. */
export function fill(t: Template, rows: Record<string, unknown>[][]): unknown {
  switch (t.k) {
    case 'const':
      return t.v;
    case 'obj': {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of t.f) out[k] = fill(sub, rows);
      return out;
    }
    case 'arr':
      return t.i.map((sub) => fill(sub, rows));
    case 'cursor':
      return Buffer.from(JSON.stringify(fill(t.inner, rows))).toString('base64url');
    case 'cell': {
      let v: unknown = rows[t.s]?.[t.r]?.[t.c];
      for (const step of t.p) v = (v as Record<string | number, unknown> | undefined)?.[step];
      if (t.t === 'iso') return (v as Date).toISOString();
      if (t.t === 'number') return Number(v);
      return v;
    }
  }
}
