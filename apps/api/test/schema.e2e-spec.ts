import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchema, GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { ACCESS_RULE, AccessRule, POLICY_GROUNDS, PolicyGround } from '@civicgrid/platform';
import { contractProblems } from './support/contract-check';
import { TestApi } from './support/test-api';

const ROOT = resolve(__dirname, '../../..');
const SCHEMA_FILE = join(ROOT, 'apps/api/schema.gql');
/** The contract files this build promises (DESIGN.md §5): core now, more as contexts land. */
const CONTRACT_FILES = ['core.graphql', 'community.graphql', 'matching.graphql', 'notifications.graphql', 'incentives.graphql'];
const SHARED_CONTRACT = resolve(ROOT, '../shared/contract');
const COPIED_CONTRACT = join(ROOT, 'apps/api/test/contract');

function printed(schema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}

describe('schema', () => {
  let api: TestApi;
  let live: GraphQLSchema;
  beforeAll(async () => {
    api = await TestApi.start();
    live = api.running.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    await api.close();
  });

  it('should match the committed apps/api/schema.gql (run `npm run schema` after changing the API)', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, printed(live));
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printed(live));
  });

  it.each(CONTRACT_FILES)('should contain every type, field and argument of %s with the same nullability', (file) => {
    const shared = join(SHARED_CONTRACT, file);
    const sdl = readFileSync(existsSync(shared) ? shared : join(COPIED_CONTRACT, file), 'utf8');
    expect(contractProblems(sdl, live)).toEqual([]);
  });

  it('should keep the copy of the contract in apps/api/test/contract equal to the shared one when it is there', () => {
    for (const file of CONTRACT_FILES) {
      const shared = join(SHARED_CONTRACT, file);
      if (existsSync(shared)) expect(readFileSync(join(COPIED_CONTRACT, file), 'utf8')).toBe(readFileSync(shared, 'utf8'));
    }
  });

  it('should report a contract field whose nullability differs', () => {
    const broken = buildSchema('type Query { me: User! } type User { id: ID! }');
    expect(contractProblems('type Query { me: User }', broken)).toEqual(['field Query.me is User!, contract says User']);
  });

  /** Every query and mutation: who may call it (`@Public`/`@SignedIn`) and what its service checks (`@Allow`). */
  function accessTable(): string[] {
    const discovery = new DiscoveryService(api.running.app.get(ModulesContainer));
    const scanner = new MetadataScanner();
    const rules = new Map<string, { access: string; grounds?: PolicyGround[] }>();
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of scanner.getAllMethodNames(proto)) {
        const fn = proto[method];
        const type = Reflect.getMetadata('graphql:resolver_type', fn);
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = Reflect.getMetadata('graphql:resolver_name', fn) ?? method;
        const rule: AccessRule | undefined = Reflect.getMetadata(ACCESS_RULE, fn) ?? Reflect.getMetadata(ACCESS_RULE, instance.constructor);
        const grounds: PolicyGround[] | undefined = Reflect.getMetadata(POLICY_GROUNDS, fn);
        rules.set(`${type}.${name}`, { access: rule?.kind ?? 'NONE', grounds });
      }
    }
    const operations = [
      ...Object.keys(live.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(live.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ].sort();
    return operations.map((op) => {
      const r = rules.get(op);
      return `${op}: ${r?.access ?? 'NONE'} → ${r?.grounds?.length ? r.grounds.join(', ') : 'NONE'}`;
    });
  }

  it('should declare an access rule and the policy actions it checks on every query and mutation', () => {
    const table = accessTable();
    expect(table.filter((line) => /\bNONE\b/.test(line))).toEqual([]);
    // The reviewed list of every operation, who may call it and on what grounds.
    expect(table).toMatchSnapshot();
  });
});
