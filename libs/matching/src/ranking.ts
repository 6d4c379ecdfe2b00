/** A scored candidate while ranking; `item` indexes the index's arrays. */
export interface RankedCandidate {
  readonly score: number;
  readonly distanceKm: number;
  readonly id: string;
  readonly item: number;
}

/**
 * The one ranking order: score desc, then distance asc, then id asc (ordinal,
 * not locale, so every machine agrees). Negative when `a` ranks first.
 */
export function compareRanked(a: RankedCandidate, b: RankedCandidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.distanceKm !== b.distanceKm) return a.distanceKm - b.distanceKm;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Keeps the best `k` of a stream in O(n log k): a heap whose root is the worst kept. */
export class TopK {
  private readonly heap: RankedCandidate[] = [];

  constructor(private readonly k: number) {}

  offer(candidate: RankedCandidate): void {
    if (this.k <= 0) return;
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else if (compareRanked(candidate, heap[0]) < 0) {
      heap[0] = candidate;
      this.siftDown(0);
    }
  }

  /** The kept candidates, best first. */
  sorted(): RankedCandidate[] {
    return [...this.heap].sort(compareRanked);
  }

  // "Worse" floats to the root.
  private worse(i: number, j: number): boolean {
    return compareRanked(this.heap[i], this.heap[j]) > 0;
  }

  private swap(i: number, j: number): void {
    const t = this.heap[i];
    this.heap[i] = this.heap[j];
    this.heap[j] = t;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.worse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const n = this.heap.length;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < n && this.worse(left, worst)) worst = left;
      if (right < n && this.worse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
