import { boundingBox, KM_PER_DEGREE } from './geo';

/**
 * Points bucketed into square-ish cells of about `cellKm`, keyed by cell, so a
 * radius query visits only the cells under the radius's bounding box. Items are
 * stored grouped by cell in `order` (so callers can keep their data in the same
 * order and scan it linearly); inside a cell they are ordered by an optional sort
 * key (shift start time), so a time range is a binary search rather than a scan.
 */
export interface GridIndex {
  readonly size: number;
  /** Item indexes grouped by cell: position → item. */
  readonly order: Int32Array;
  /**
   * Calls `visit(from, to)` with the positions [from, to) in `order` of each cell
   * meeting the box around the circle, restricted to sort keys in [keyFrom, keyTo).
   */
  forEachRangeNear(lat: number, lng: number, radiusKm: number, visit: (from: number, to: number) => void, keyFrom?: number, keyTo?: number): void;
  /** Calls `visit(item)` for each item of those ranges. */
  forEachNear(lat: number, lng: number, radiusKm: number, visit: (item: number) => void, keyFrom?: number, keyTo?: number): void;
}

export const DEFAULT_CELL_KM = 1;
// Cell keys pack (column, row) into one number; rows stay far below this bound for cells ≥ 50 m.
const ROW_SPAN = 1 << 23;

interface Cell {
  readonly column: number;
  readonly row: number;
  readonly from: number;
  readonly to: number;
}

export function createGridIndex(lats: Float64Array, lngs: Float64Array, cellKm = DEFAULT_CELL_KM, sortKeys?: Float64Array): GridIndex {
  if (!(cellKm >= 0.05)) throw new RangeError('cellKm must be at least 0.05');
  const meanLat = lats.length > 0 ? lats.reduce((sum, lat) => sum + lat, 0) / lats.length : 0;
  const cellLat = cellKm / KM_PER_DEGREE;
  // One longitude cell width for the whole index, sized at its mean latitude: exactness
  // never depends on the cell shape, only how many items a query visits.
  const cellLng = cellKm / (KM_PER_DEGREE * Math.max(0.01, Math.cos((meanLat * Math.PI) / 180)));
  const keyOf = (column: number, row: number): number => column * ROW_SPAN + row;

  const buckets = new Map<number, number[]>();
  for (let i = 0; i < lats.length; i++) {
    const key = keyOf(Math.floor(lngs[i] / cellLng), Math.floor(lats[i] / cellLat));
    const bucket = buckets.get(key);
    if (bucket) bucket.push(i);
    else buckets.set(key, [i]);
  }
  const order = new Int32Array(lats.length);
  const keysInOrder = sortKeys ? new Float64Array(lats.length) : undefined;
  const cells = new Map<number, Cell>();
  let position = 0;
  for (const [key, items] of buckets) {
    if (sortKeys) items.sort((a, b) => sortKeys[a] - sortKeys[b] || a - b);
    const from = position;
    for (const item of items) {
      order[position] = item;
      if (keysInOrder && sortKeys) keysInOrder[position] = sortKeys[item];
      position++;
    }
    cells.set(key, { column: Math.floor(lngs[items[0]] / cellLng), row: Math.floor(lats[items[0]] / cellLat), from, to: position });
  }

  const visitCell = (cell: Cell, visit: (from: number, to: number) => void, keyFrom: number, keyTo: number): void => {
    const from = keysInOrder ? lowerBound(keysInOrder, keyFrom, cell.from, cell.to) : cell.from;
    const to = keysInOrder ? lowerBound(keysInOrder, keyTo, from, cell.to) : cell.to;
    if (from < to) visit(from, to);
  };

  const forEachRangeNear: GridIndex['forEachRangeNear'] = (lat, lng, radiusKm, visit, keyFrom = -Infinity, keyTo = Infinity) => {
    const box = boundingBox(lat, lng, radiusKm);
    const columnFrom = Math.floor(box.minLng / cellLng);
    const columnTo = Math.floor(box.maxLng / cellLng);
    const rowFrom = Math.floor(box.minLat / cellLat);
    const rowTo = Math.floor(box.maxLat / cellLat);
    if ((columnTo - columnFrom + 1) * (rowTo - rowFrom + 1) > cells.size) {
      // A radius wider than the data: walking the occupied cells is cheaper than the box.
      for (const cell of cells.values()) {
        const inside = cell.column >= columnFrom && cell.column <= columnTo && cell.row >= rowFrom && cell.row <= rowTo;
        if (inside) visitCell(cell, visit, keyFrom, keyTo);
      }
      return;
    }
    // Corner cells of the box can lie wholly outside the circle: skip those. The
    // flat-earth distance to the cell's nearest point, with the smallest cosine in
    // play and a 1% margin, never exceeds the true distance for radii up to ~200 km.
    const cullSq = radiusKm <= 200 ? (radiusKm * 1.01 + 0.01) ** 2 : Infinity;
    const cosMin = Math.cos((Math.min(89.9, Math.max(Math.abs(box.minLat), Math.abs(box.maxLat))) * Math.PI) / 180);
    for (let column = columnFrom; column <= columnTo; column++) {
      const nearestLng = Math.min(Math.max(lng, column * cellLng), (column + 1) * cellLng);
      const dx = (nearestLng - lng) * KM_PER_DEGREE * cosMin;
      for (let row = rowFrom; row <= rowTo; row++) {
        const nearestLat = Math.min(Math.max(lat, row * cellLat), (row + 1) * cellLat);
        const dy = (nearestLat - lat) * KM_PER_DEGREE;
        if (dx * dx + dy * dy > cullSq) continue;
        const cell = cells.get(keyOf(column, row));
        if (cell) visitCell(cell, visit, keyFrom, keyTo);
      }
    }
  };

  return {
    size: lats.length,
    order,
    forEachRangeNear,
    forEachNear(lat, lng, radiusKm, visit, keyFrom, keyTo) {
      forEachRangeNear(lat, lng, radiusKm, (from, to) => {
        for (let k = from; k < to; k++) visit(order[k]);
      }, keyFrom, keyTo);
    },
  };
}

/** First position in [low, high) whose key is >= value. */
function lowerBound(keys: Float64Array, value: number, low: number, high: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (keys[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
