/**
 * Exact maximum-weight bipartite b-matching: shifts with capacities on one side,
 * volunteers (capacity 1) on the other, weighted edges between them.
 *
 * Modelled as a min-cost flow: each shift s supplies c_s units; a unit goes to the
 * sink either through a volunteer (edge s→v, cost −w, capacity 1; v→sink, capacity 1)
 * or through s's own "leave it unfilled" edge (s→sink, cost 0). Every unit must
 * reach the sink, so the min cost is −(max total weight) and the places routed
 * through the unfilled edges are the ones it is better to leave open. This is pure
 * maximum weight: a place is filled only when that raises the total, so it need
 * not fill the most places (see README).
 *
 * Solved by successive shortest paths, one unit at a time from the shift being
 * filled, with Dijkstra on reduced costs (node potentials keep them ≥ 0) and early
 * exit at the sink. Searching from one shift rather than from all of them keeps
 * each search local: it only walks through volunteers already placed and the
 * shifts holding them. Potentials of nodes the search did not settle are left
 * alone, which differs from the textbook update only by a constant.
 */
export interface BipartiteProblem {
  readonly shiftCount: number;
  readonly volunteerCount: number;
  /** Places to fill per shift. */
  readonly capacities: Int32Array;
  /** Edges of shift s are edgeStart[s] … edgeStart[s + 1] − 1. */
  readonly edgeStart: Int32Array;
  readonly edgeVolunteer: Int32Array;
  readonly edgeWeight: Float64Array;
}

export interface BipartiteSolution {
  /** The shift each volunteer is placed in, or −1. */
  readonly volunteerShift: Int32Array;
  /** The edge placing each volunteer, or −1. */
  readonly volunteerEdge: Int32Array;
  /**
   * Final node potentials (sink fixed at 0). They prove optimality: every edge
   * s→v not in the matching has −w + shiftPotential[s] − volunteerPotential[v] ≥ 0,
   * and an edge missing from the problem can be checked the same way.
   */
  readonly shiftPotential: Float64Array;
  readonly volunteerPotential: Float64Array;
  readonly objective: number;
}

export function solveMaxWeightBMatching(problem: BipartiteProblem): BipartiteSolution {
  const { shiftCount: S, volunteerCount: V, capacities, edgeStart, edgeVolunteer, edgeWeight } = problem;
  const sink = S + V;
  const nodeCount = S + V + 1;
  // potential[sink] stays 0: the sink is settled at the search's own distance every time.
  const potential = new Float64Array(nodeCount);
  for (let s = 0; s < S; s++) {
    // Initial potentials make every reduced cost ≥ 0: −w + max_w − 0 ≥ 0.
    let best = 0;
    for (let e = edgeStart[s]; e < edgeStart[s + 1]; e++) best = Math.max(best, edgeWeight[e]);
    potential[s] = best;
  }
  const volunteerShift = new Int32Array(V).fill(-1);
  const volunteerEdge = new Int32Array(V).fill(-1);
  const leftOpen = new Int32Array(S);

  const dist = new Float64Array(nodeCount).fill(Infinity);
  const settled = new Uint8Array(nodeCount);
  const parent = new Int32Array(nodeCount);
  const parentEdge = new Int32Array(nodeCount);
  const touched: number[] = [];
  const settledOrder: number[] = [];
  const heap = new NodeHeap();

  const relax = (node: number, distance: number, from: number, edge: number): void => {
    if (settled[node] || distance >= dist[node]) return;
    if (dist[node] === Infinity) touched.push(node);
    dist[node] = distance;
    parent[node] = from;
    parentEdge[node] = edge;
    heap.push(distance, node);
  };

  for (let source = 0; source < S; source++) {
    let supply = capacities[source];
    while (supply > 0) {
      dist[source] = 0;
      touched.push(source);
      heap.push(0, source);
      while (heap.size > 0) {
        const node = heap.popNode();
        if (settled[node]) continue;
        settled[node] = 1;
        settledOrder.push(node);
        if (node === sink) break;
        const d = dist[node];
        if (node < S) {
          const shiftPotential = potential[node];
          if (leftOpen[node] < capacities[node]) relax(sink, d + Math.max(0, shiftPotential), node, -1);
          for (let e = edgeStart[node]; e < edgeStart[node + 1]; e++) {
            const v = edgeVolunteer[e];
            if (volunteerShift[v] === node) continue; // already placed here: no residual capacity
            // Clamp float noise: reduced costs are ≥ 0 in exact arithmetic.
            relax(S + v, d + Math.max(0, shiftPotential - edgeWeight[e] - potential[S + v]), node, e);
          }
        } else {
          const v = node - S;
          const holder = volunteerShift[v];
          if (holder < 0) relax(sink, d + Math.max(0, potential[node]), node, -1);
          else relax(holder, d + Math.max(0, edgeWeight[volunteerEdge[v]] + potential[node] - potential[holder]), node, -1);
        }
      }
      heap.clear();

      const sinkDistance = dist[sink];
      for (const node of settledOrder) potential[node] += dist[node] - sinkDistance;
      potential[sink] = 0;

      supply = augment(source, supply);

      for (const node of touched) {
        dist[node] = Infinity;
        settled[node] = 0;
      }
      touched.length = 0;
      settledOrder.length = 0;
    }
  }

  /** Flips the path found into the matching; returns the supply still to route. */
  function augment(source: number, supply: number): number {
    const last = parent[sink];
    let v: number;
    if (last < S) {
      leftOpen[last]++;
      // The source's own "leave unfilled" edge is cheapest: so it stays for the rest of its places.
      if (last === source) {
        leftOpen[source] += supply - 1;
        return 0;
      }
      v = parent[last] - S;
    } else {
      v = last - S;
    }
    for (;;) {
      const shift = parent[S + v];
      volunteerShift[v] = shift;
      volunteerEdge[v] = parentEdge[S + v];
      if (shift === source) return supply - 1;
      v = parent[shift] - S;
    }
  }

  let objective = 0;
  for (let v = 0; v < V; v++) if (volunteerEdge[v] >= 0) objective += edgeWeight[volunteerEdge[v]];
  return {
    volunteerShift,
    volunteerEdge,
    shiftPotential: potential.slice(0, S),
    volunteerPotential: potential.slice(S, S + V),
    objective,
  };
}

/** Binary min-heap of (distance, node); ties go to the lower node so runs are repeatable. */
class NodeHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  size = 0;

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.keys[up] < key || (this.keys[up] === key && this.nodes[up] <= node)) break;
      this.keys[i] = this.keys[up];
      this.nodes[i] = this.nodes[up];
      i = up;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
  }

  popNode(): number {
    const top = this.nodes[0];
    const n = --this.size;
    const key = this.keys[n];
    const node = this.nodes[n];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && this.less(child + 1, child)) child++;
      if (this.keys[child] > key || (this.keys[child] === key && this.nodes[child] >= node)) break;
      this.keys[i] = this.keys[child];
      this.nodes[i] = this.nodes[child];
      i = child;
    }
    this.keys[i] = key;
    this.nodes[i] = node;
    return top;
  }

  clear(): void {
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.nodes[a] < this.nodes[b]);
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}
