import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The arrows between projects point one way (STYLE.md), and the rule is read from the
 * Nx tags in every project.json, so a new project is checked as soon as it exists:
 *
 * - `layer:<n>`: a project may import another only if the other's layer is strictly
 *   lower. contracts and matching 0, platform 1, geo 2, identity 3, notifications 4,
 *   organizations 5, volunteering 6, community and staffing 7 (so neither imports the
 *   other), seed 10, apps 20. What must flow back up is an event.
 * - `scope:<s>`: `shared` imports nothing of ours; `api` imports api and shared; `portal`
 *   imports portal and shared, never server code; `tools` import tools, api and shared.
 *
 * An import `@civicgrid/<alias>` is resolved through the paths of tsconfig.base.json to
 * the project that holds the target. Relative imports must stay inside their project.
 */
const ROOT = resolve(__dirname, '../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage']);
const SCOPES = ['shared', 'api', 'portal', 'tools'] as const;
type Scope = (typeof SCOPES)[number];
const MAY_USE_SCOPES: Record<Scope, readonly Scope[]> = {
  shared: [],
  api: ['api', 'shared'],
  portal: ['portal', 'shared'],
  tools: ['tools', 'api', 'shared'],
};

interface Project {
  name: string;
  /** directory of its project.json, relative to the repository */
  root: string;
  tags: string[];
  layer?: number;
  scope?: Scope;
}

function walk(dir: string, visit: (file: string) => void): void {
  for (const name of readdirSync(join(ROOT, dir))) {
    if (name.startsWith('.') || SKIP_DIRS.has(name)) continue;
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) walk(path, visit);
    else visit(path);
  }
}

function loadProjects(): Project[] {
  const found: string[] = [];
  walk('.', (file) => file.endsWith(`${sep}project.json`) && found.push(file));
  return found.sort().map((file) => {
    const json = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { name: string; tags?: string[] };
    const tags = json.tags ?? [];
    const layer = tags.find((t) => /^layer:\d+$/.test(t))?.slice('layer:'.length);
    const scope = tags.find((t) => t.startsWith('scope:'))?.slice('scope:'.length);
    return {
      name: json.name,
      root: dirname(file),
      tags: json.tags ?? [],
      layer: layer === undefined ? undefined : Number(layer),
      scope: SCOPES.includes(scope as Scope) ? (scope as Scope) : undefined,
    };
  });
}

const PROJECTS = loadProjects();

function projectOf(path: string): Project | undefined {
  const rel = relative(ROOT, resolve(ROOT, path));
  return PROJECTS.filter((p) => rel === p.root || rel.startsWith(p.root + sep)).sort((a, b) => b.root.length - a.root.length)[0];
}

/** `@civicgrid/<alias>` → the project holding its entry point. */
const ALIASES: Map<string, Project | undefined> = (() => {
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  return new Map(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [alias, projectOf(target)]));
})();

/** Why `from` may not import `to`, or null when it may. */
function refusal(from: Project, to: Project): string | null {
  if (from === to) return null;
  if (from.layer === undefined || to.layer === undefined || !from.scope || !to.scope) return 'a project without layer and scope tags';
  if (!MAY_USE_SCOPES[from.scope].includes(to.scope)) return `scope:${from.scope} may not use scope:${to.scope}`;
  if (to.layer >= from.layer) return `layer ${to.layer} is not below layer ${from.layer}`;
  return null;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** Source files of a project, without those of projects nested in it. */
function filesOf(project: Project): string[] {
  const out: string[] = [];
  walk(project.root, (file) => /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(file) && projectOf(file) === project && out.push(file));
  return out;
}

function problemsOf(project: Project): string[] {
  const problems: string[] = [];
  for (const file of filesOf(project)) {
    for (const spec of importsOf(file)) {
      const alias = /^@civicgrid\/[^/]+/.exec(spec)?.[0];
      if (alias) {
        const target = ALIASES.get(alias);
        if (!target) problems.push(`${file} imports ${spec}, which is no project's entry point in tsconfig.base.json`);
        else if (spec !== alias) problems.push(`${file} reaches into ${target.name} with ${spec}`);
        else {
          const why = refusal(project, target);
          if (why) problems.push(`${file} imports ${spec}: ${why}`);
        }
      }
      if (spec.startsWith('.') && projectOf(relative(ROOT, resolve(ROOT, file, '..', spec))) !== project) {
        problems.push(`${file} reaches out of ${project.name} with ${spec}`);
      }
    }
  }
  return problems;
}

const byName = (name: string): Project => {
  const p = PROJECTS.find((x) => x.name === name);
  if (!p) throw new Error(`no project named ${name}`);
  return p;
};

describe('module boundaries', () => {
  it('should find every project with one layer and one known scope', () => {
    expect(PROJECTS.length).toBeGreaterThanOrEqual(10);
    const untagged = PROJECTS.filter((p) => p.layer === undefined || !p.scope || p.tags.filter((t) => t.startsWith('layer:')).length > 1).map((p) => `${p.root}: ${p.tags.join(', ')}`);
    expect(untagged).toEqual([]);
  });

  it('should resolve every @civicgrid path to a project', () => {
    expect([...ALIASES].filter(([, p]) => !p).map(([alias]) => alias)).toEqual([]);
  });

  it.each(PROJECTS.map((p) => [p.name, p] as const))('should keep %s to the projects its tags allow', (_name, project) => {
    expect(problemsOf(project)).toEqual([]);
  });

  it.each([
    ['community', 'staffing'],
    ['staffing', 'community'],
    ['volunteering', 'community'],
    ['volunteering', 'staffing'],
    ['organizations', 'volunteering'],
    ['geo', 'identity'],
    ['platform', 'geo'],
    ['contracts', 'matching'],
    ['matching', 'platform'],
    ['portal', 'platform'],
    ['portal', 'identity'],
    ['staffing', 'seed'],
  ])('should refuse %s importing %s', (from, to) => {
    expect(refusal(byName(from), byName(to))).not.toBeNull();
  });

  it.each([
    ['community', 'volunteering'],
    ['staffing', 'volunteering'],
    ['staffing', 'matching'],
    ['volunteering', 'organizations'],
    ['identity', 'geo'],
    ['geo', 'platform'],
    ['platform', 'contracts'],
    ['portal', 'contracts'],
    ['api', 'staffing'],
    ['api', 'seed'],
    ['seed', 'identity'],
    ['bench', 'matching'],
  ])('should allow %s importing %s', (from, to) => {
    expect(refusal(byName(from), byName(to))).toBeNull();
  });
});
