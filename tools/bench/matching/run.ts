/**
 * The matching benchmark: exactness against HiGHS, quality against the board's
 * first-come-first-served and a greedy matcher, and speed. Prints a table and
 * writes dist/bench/matching.json. Timings are wall-clock on a shared machine:
 * compare the ratios within one run, not figures across runs.
 *
 *   TS_NODE_PROJECT=tools/bench/tsconfig.json node -r ./tools/testing/register-ts.cjs tools/bench/matching/run.ts
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assign,
  buildCandidateEdges,
  CandidateEdges,
  createShiftIndex,
  createVolunteerIndex,
  haversineKm,
  recommendShifts,
  recommendVolunteers,
  solvePruned,
} from '@civicgrid/matching';
import { firstComeFirstServed, greedyByScore, Placement } from './baselines';
import { BATCH_NOW, generateCommunities, generateDistrict, generateShifts, generateVolunteers, seededRandom } from './district';
import { solveWithHighs } from './highs-model';

const OPTIONS = { now: BATCH_NOW } as const;

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row: string[]) => '| ' + row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ') + ' |';
  return [line(cells[0]), '|' + widths.map((w, i) => (i === 0 ? '-'.repeat(w + 1) + '-' : '-'.repeat(w + 1) + ':')).join('|') + '|', ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- exactness

async function exactness() {
  const instances = [
    { shifts: 30, volunteers: 300, seed: 11 },
    { shifts: 30, volunteers: 300, seed: 12 },
    { shifts: 100, volunteers: 1000, seed: 21 },
    { shifts: 100, volunteers: 1000, seed: 22 },
    { shifts: 300, volunteers: 3000, seed: 31 },
    { shifts: 300, volunteers: 3000, seed: 32 },
  ];
  const rows = [];
  for (const instance of instances) {
    const district = generateDistrict(instance.seed, instance.volunteers, instance.shifts);
    const edges = buildCandidateEdges(district.shifts, district.volunteers, OPTIONS);
    // Medians after warm-ups, so one JIT tier-up or GC pause does not decide the ratio.
    for (let i = 0; i < 10; i++) assign(district.shifts, district.volunteers, OPTIONS);
    const totals = Array.from({ length: 11 }, () => timed(() => assign(district.shifts, district.volunteers, OPTIONS)));
    const solves = Array.from({ length: 11 }, () => timed(() => solvePruned(edges)).ms);
    const ours = totals[0].result;
    const highsRuns = [];
    for (let i = 0; i < 3; i++) highsRuns.push(await solveWithHighs(edges));
    const highs = { ...highsRuns[0], solveMs: median(highsRuns.map((r) => r.solveMs)) };
    const oursMs = median(totals.map((t) => t.ms));
    const oursSolveMs = median(solves);
    rows.push({
      ...instance,
      places: edges.capacities.reduce((a, b) => a + b, 0),
      edges: edges.edgeVolunteer.length,
      oursObjective: ours.objective,
      highsObjective: highs.objective,
      difference: Math.abs(ours.objective - highs.objective),
      equal: Math.abs(ours.objective - highs.objective) <= 1e-6,
      highsStatus: highs.status,
      highsIntegral: highs.integral,
      oursTotalMs: oursMs,
      oursSolveMs,
      highsSolveMs: highs.solveMs,
      ratioTotal: highs.solveMs / oursMs,
      ratioSolve: highs.solveMs / oursSolveMs,
      rounds: ours.stats.rounds,
    });
  }
  return rows;
}

// ---------------------------------------------------------------- quality

interface Quality {
  method: string;
  placesFilled: number;
  fillRate: number;
  objective: number;
  meanDistanceKm: number;
  requiredSkillsMet: number;
  giniMinutes: number;
  ms: number;
}

function gini(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  let weighted = 0;
  sorted.forEach((x, i) => (weighted += (2 * (i + 1) - n - 1) * x));
  return weighted / (n * total);
}

function measure(method: string, edges: CandidateEdges, placement: Placement, ms: number): Quality {
  let filled = 0;
  let objective = 0;
  let distance = 0;
  let requiredAsked = 0;
  let requiredMet = 0;
  const minutes = edges.volunteers.map((v) => v.source.verifiedMinutesLast30Days);
  placement.forEach((s, v) => {
    if (s < 0) return;
    const shift = edges.shifts[s];
    const volunteer = edges.volunteers[v];
    filled++;
    for (let e = edges.edgeStart[s]; e < edges.edgeStart[s + 1]; e++) if (edges.edgeVolunteer[e] === v) objective += edges.edgeScore[e];
    distance += haversineKm(volunteer.lat, volunteer.lng, shift.lat, shift.lng);
    requiredAsked += shift.requiredSkills.length;
    requiredMet += shift.requiredSkills.filter((skill) => volunteer.skills.has(skill)).length;
    minutes[v] += (shift.endMs - shift.startMs) / 60_000;
  });
  const places = edges.capacities.reduce((a, b) => a + b, 0);
  return {
    method,
    placesFilled: filled,
    fillRate: filled / places,
    objective,
    meanDistanceKm: distance / Math.max(1, filled),
    requiredSkillsMet: requiredAsked === 0 ? 1 : requiredMet / requiredAsked,
    giniMinutes: gini(minutes),
    ms,
  };
}

function quality() {
  const district = generateDistrict(42, 20_000, 2_000);
  const edgesRun = timed(() => buildCandidateEdges(district.shifts, district.volunteers, OPTIONS));
  const edges = edgesRun.result;
  const fcfs = timed(() => firstComeFirstServed(edges, seededRandom(7)));
  const greedy = timed(() => greedyByScore(edges));
  const ours = timed(() => assign(district.shifts, district.volunteers, OPTIONS));
  const shiftIndex = new Map(edges.shifts.map((s, i) => [s.id, i]));
  const volunteerIndex = new Map(edges.volunteers.map((v, i) => [v.id, i]));
  const exact = new Int32Array(edges.volunteers.length).fill(-1);
  for (const pair of ours.result.pairs) exact[volunteerIndex.get(pair.volunteerId) as number] = shiftIndex.get(pair.shiftId) as number;
  const places = edges.capacities.reduce((a, b) => a + b, 0);
  return {
    places,
    candidateEdges: edges.edgeVolunteer.length,
    results: [
      measure('first come, first served', edges, fcfs.result, fcfs.ms + edgesRun.ms),
      measure('greedy by score', edges, greedy.result, greedy.ms + edgesRun.ms),
      measure('exact (assign)', edges, exact, ours.ms),
    ],
  };
}

// ---------------------------------------------------------------- speed

function recommendationSpeed() {
  const random = seededRandom(99);
  const communities = generateCommunities(random);
  const shifts = generateShifts(random, communities, 50_000, 14, 'os');
  const volunteers = generateVolunteers(random, communities, 20_000, 'rv');
  const shiftIndexBuild = timed(() => createShiftIndex(shifts));
  const volunteerIndexBuild = timed(() => createVolunteerIndex(volunteers));
  const shiftQueries = 2_000;
  const volunteerQueries = 1_000;
  for (let i = 0; i < 200; i++) recommendShifts(volunteers[i], shiftIndexBuild.result, { ...OPTIONS, first: 20 });
  const perVolunteer = volunteers.slice(0, shiftQueries).map((v) => timed(() => recommendShifts(v, shiftIndexBuild.result, { ...OPTIONS, first: 20 })));
  for (let i = 0; i < 100; i++) recommendVolunteers(shifts[i], volunteerIndexBuild.result, { ...OPTIONS, first: 20 });
  const perShift = shifts.slice(0, volunteerQueries).map((s) => timed(() => recommendVolunteers(s, volunteerIndexBuild.result, { ...OPTIONS, first: 20 })));
  const shiftMs = perVolunteer.map((t) => t.ms);
  const volunteerMs = perShift.map((t) => t.ms);
  return {
    openShifts: shifts.length,
    volunteers: volunteers.length,
    shiftIndexBuildMs: shiftIndexBuild.ms,
    volunteerIndexBuildMs: volunteerIndexBuild.ms,
    recommendShifts: { queries: shiftQueries, medianMs: median(shiftMs), p99Ms: quantile(shiftMs, 0.99), meanResults: perVolunteer.reduce((a, t) => a + t.result.length, 0) / shiftQueries },
    recommendVolunteers: { queries: volunteerQueries, medianMs: median(volunteerMs), p99Ms: quantile(volunteerMs, 0.99), meanResults: perShift.reduce((a, t) => a + t.result.length, 0) / volunteerQueries },
  };
}

interface AssignSpeed {
  shifts: number;
  volunteers: number;
  places: number;
  candidateEdges: number;
  solvedEdges: number;
  rounds: number;
  firstRunMs: number;
  secondRunMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

/** In a fresh process, so its peak RSS belongs to this run alone. */
function assignSpeedInChild(): Promise<AssignSpeed> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--assign-child'], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.on('message', (message) => resolve(message as AssignSpeed));
    child.on('error', reject);
    child.on('exit', (code) => code === 0 || reject(new Error(`assign child exited with ${code}`)));
  });
}

function assignSpeedChild(): void {
  const district = generateDistrict(42, 20_000, 2_000);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const first = timed(() => assign(district.shifts, district.volunteers, OPTIONS));
  const second = timed(() => assign(district.shifts, district.volunteers, OPTIONS));
  const result: AssignSpeed = {
    shifts: district.shifts.length,
    volunteers: district.volunteers.length,
    places: district.shifts.reduce((a, s) => a + s.placesLeft, 0),
    candidateEdges: first.result.stats.candidateEdges,
    solvedEdges: first.result.stats.solvedEdges,
    rounds: first.result.stats.rounds,
    firstRunMs: first.ms,
    secondRunMs: second.ms,
    rssBeforeMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.send?.(result, () => process.exit(0));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = performance.now();
  const f = (x: number, digits = 1) => x.toFixed(digits);

  console.log('CivicGrid matching benchmark');
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; timings are noisy on a shared machine: read the ratios.\n`);

  const speedOfAssign = await assignSpeedInChild();

  const exact = await exactness();
  console.log('1. Exactness: assign() against the HiGHS LP optimum on the same candidate edges (pure maximum weight)');
  console.log(
    table(
      ['shifts × volunteers (seed)', 'places', 'edges', 'ours objective', 'HiGHS objective', '|diff|', 'equal ≤1e-6', 'ours total ms', 'ours solve ms', 'HiGHS solve ms', 'HiGHS/ours total', 'HiGHS/ours solve'],
      exact.map((r) => [
        `${r.shifts} × ${r.volunteers} (${r.seed})`,
        r.places,
        r.edges,
        r.oursObjective.toFixed(9),
        r.highsObjective.toFixed(9),
        r.difference.toExponential(1),
        r.equal && r.highsStatus === 'Optimal' && r.highsIntegral ? 'yes' : 'NO',
        f(r.oursTotalMs),
        f(r.oursSolveMs),
        f(r.highsSolveMs),
        `${f(r.ratioTotal)}×`,
        `${f(r.ratioSolve)}×`,
      ]),
    ),
  );
  console.log('ours total = one assign() call (candidate edges + solve + explanations), median of 11 after 10 warm-ups; ours solve = the exact solver on the');
  console.log('same edges HiGHS gets, median of 11; HiGHS solve = model.run() only, median of 3.\n');

  const quality_ = quality();
  console.log(`2. Quality on one district: 20,000 volunteers, 2,000 shifts over a week, ${quality_.places} open places, ${quality_.candidateEdges} candidate pairs`);
  console.log(
    table(
      ['method', 'places filled', 'fill rate', 'total score', 'mean distance km', 'required skills met', 'Gini of minutes', 'ms'],
      quality_.results.map((r) => [r.method, r.placesFilled, `${f(100 * r.fillRate)}%`, f(r.objective, 2), f(r.meanDistanceKm, 2), `${f(100 * r.requiredSkillsMet)}%`, f(r.giniMinutes, 3), f(r.ms, 0)]),
    ),
  );
  console.log('Gini over all 20,000 volunteers of (verified minutes in the last 30 days + minutes assigned in this batch); lower is fairer.');
  console.log('Baseline times include building the candidate edges (same filters); "exact" is one assign() call.\n');

  const speed = recommendationSpeed();
  console.log('3. Speed');
  console.log(
    table(
      ['measurement', 'figure'],
      [
        [`shift index over ${speed.openShifts} open shifts (14 days): build`, `${f(speed.shiftIndexBuildMs, 0)} ms`],
        [`recommendShifts, one volunteer vs ${speed.openShifts} shifts: median (${speed.recommendShifts.queries} volunteers)`, `${f(speed.recommendShifts.medianMs, 2)} ms`],
        ['recommendShifts: p99', `${f(speed.recommendShifts.p99Ms, 2)} ms`],
        [`volunteer index over ${speed.volunteers} volunteers: build`, `${f(speed.volunteerIndexBuildMs, 0)} ms`],
        [`recommendVolunteers, one shift vs ${speed.volunteers} volunteers: median (${speed.recommendVolunteers.queries} shifts)`, `${f(speed.recommendVolunteers.medianMs, 2)} ms`],
        ['recommendVolunteers: p99', `${f(speed.recommendVolunteers.p99Ms, 2)} ms`],
        [`assign ${speedOfAssign.shifts} shifts × ${speedOfAssign.volunteers} volunteers (${speedOfAssign.places} places): first run, fresh process`, `${f(speedOfAssign.firstRunMs, 0)} ms`],
        ['assign: second run (warm JIT)', `${f(speedOfAssign.secondRunMs, 0)} ms`],
        ['assign: candidate edges → edges solved (rounds)', `${speedOfAssign.candidateEdges} → ${speedOfAssign.solvedEdges} (${speedOfAssign.rounds})`],
        ['assign process: RSS before → peak RSS', `${f(speedOfAssign.rssBeforeMb, 0)} MB → ${f(speedOfAssign.peakRssMb, 0)} MB`],
      ],
    ),
  );

  const outDir = join(__dirname, '..', '..', '..', 'dist', 'bench');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'matching.json');
  writeFileSync(
    file,
    JSON.stringify({ node: process.version, generatedAt: new Date().toISOString(), exactness: exact, quality: quality_, speed: { ...speed, assign: speedOfAssign } }, null, 2),
  );
  console.log(`\nwrote ${file} in ${f((performance.now() - started) / 1000)} s`);
}

if (process.argv.includes('--assign-child')) assignSpeedChild();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
