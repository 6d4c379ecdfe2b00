/**
 * The assignment problem as an LP for HiGHS: one column per candidate edge
 * (0 ≤ x ≤ 1, objective = its score, maximised), one row per shift (Σ x ≤ places
 * left) and one per volunteer (Σ x ≤ 1). The constraint matrix of a bipartite
 * b-matching is totally unimodular, so the LP optimum is integral and is the
 * exact optimum of the same pure-maximum-weight problem `assign` solves.
 */
import loadHighs from 'highs';
import type { CandidateEdges } from '@civicgrid/matching';

export interface HighsResult {
  readonly objective: number;
  readonly status: string;
  readonly buildMs: number;
  readonly solveMs: number;
  /** Whether every column came back 0 or 1 (integrality of the LP optimum). */
  readonly integral: boolean;
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;

export function highs(): Promise<Highs> {
  highsPromise ??= loadHighs();
  return highsPromise;
}

export async function solveWithHighs(edges: CandidateEdges): Promise<HighsResult> {
  const solver = await highs();
  const buildStart = performance.now();
  const shiftCount = edges.shifts.length;
  const volunteerCount = edges.volunteers.length;
  const columns = edges.edgeVolunteer.length;
  const starts = new Int32Array(columns + 1);
  const indices = new Int32Array(2 * columns);
  const values = new Float64Array(2 * columns).fill(1);
  for (let s = 0; s < shiftCount; s++) {
    for (let e = edges.edgeStart[s]; e < edges.edgeStart[s + 1]; e++) {
      starts[e] = 2 * e;
      indices[2 * e] = s;
      indices[2 * e + 1] = shiftCount + edges.edgeVolunteer[e];
    }
  }
  starts[columns] = 2 * columns;
  const rowUpper = new Float64Array(shiftCount + volunteerCount).fill(1);
  rowUpper.set(Float64Array.from(edges.capacities), 0);
  const buildMs = performance.now() - buildStart;

  return solver.withModel(
    {
      numCols: columns,
      numRows: shiftCount + volunteerCount,
      sense: solver.constants.objectiveSense.maximize,
      colCost: edges.edgeScore,
      colLower: new Float64Array(columns),
      colUpper: new Float64Array(columns).fill(1),
      rowLower: new Float64Array(shiftCount + volunteerCount).fill(-solver.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: shiftCount + volunteerCount, numCols: columns, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false });
      const solveStart = performance.now();
      model.run();
      const solveMs = performance.now() - solveStart;
      const status = model.getModelStatus() === solver.constants.modelStatus.optimal ? 'Optimal' : `status ${model.getModelStatus()}`;
      const colValue = model.getSolution().colValue;
      const integral = colValue.every((x) => Math.abs(x - Math.round(x)) < 1e-6);
      return { objective: model.getObjectiveValue(), status, buildMs, solveMs, integral };
    },
  );
}
