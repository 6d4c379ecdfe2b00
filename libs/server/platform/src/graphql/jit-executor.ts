import type { GatewayExecutionResult, GatewayGraphQLRequestContext, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { GraphQLError, GraphQLSchema, OperationDefinitionNode, SourceLocation } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { compileQuery, CompiledQuery, isCompiledQuery } from 'graphql-jit';

/** Distinct documents kept compiled; clients send a few dozen, so this bounds only abuse. */
const MAX_COMPILED = 500;

/**
 * Apollo Server runs operations through graphql-jit: each document (with its operation)
 * is compiled once to a function that walks the selection without graphql-js's
 * per-field bookkeeping. Apollo keeps everything else — parsing, validation (the
 * abuse limits included), plugins, error formatting, HTTP — since it hands execution
 * to a gateway's executor only. The schema is Nest's, passed in by `use` from
 * `transformSchema` before Apollo starts.
 */
export class JitExecutor implements GatewayInterface {
  private schema: GraphQLSchema | undefined;
  private readonly compiled = new Map<string, CompiledQuery>();

  /** Takes the schema Apollo will serve (and returns it, for `transformSchema`). */
  use(schema: GraphQLSchema): GraphQLSchema {
    this.schema = schema;
    this.compiled.clear();
    return schema;
  }

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    callback({ apiSchema: this.requireSchema(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load() {
    return { executor: (rc: GatewayGraphQLRequestContext) => this.execute(rc) };
  }

  async stop(): Promise<void> {
    this.compiled.clear();
  }

  private async execute(rc: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const key = `${rc.queryHash}:${rc.operationName ?? ''}`;
    let query = this.compiled.get(key);
    if (!query) {
      const made = compileQuery(this.requireSchema(), rc.document, rc.operationName ?? undefined);
      // A document that cannot run (no such operation) answers its errors, as graphql-js would.
      if (!isCompiledQuery(made)) return { errors: made.errors?.map(asGraphQLJsError) };
      if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
      this.compiled.set(key, made);
      query = made;
    }
    // Variables are coerced by graphql-js: graphql-jit's own coercion knows the built-in
    // scalars by name and would take any string for our UUID-only `ID`. Its errors point at
    // the variable's definition, which Apollo answers as BAD_USER_INPUT naming the field.
    const definitions = (rc.operation as OperationDefinitionNode | undefined)?.variableDefinitions ?? [];
    const variables = definitions.length ? getVariableValues(this.requireSchema(), definitions, rc.request.variables ?? {}, { maxErrors: 50 }) : { coerced: {} };
    if (variables.errors) return { errors: variables.errors };
    const result = await query.query(undefined, rc.context, variables.coerced);
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  private requireSchema(): GraphQLSchema {
    if (!this.schema) throw new Error('JitExecutor: no schema (transformSchema must pass it to use())');
    return this.schema;
  }
}

/**
 * graphql-jit's errors have read-only messages; Apollo's plugins (the armor's field
 * suggestion filter) rewrite messages, so errors leave as graphql-js's own.
 */
function asGraphQLJsError(e: GraphQLError): GraphQLError {
  const out = new GraphQLError(e.message, { path: e.path, originalError: e.originalError ?? undefined, extensions: e.extensions });
  if (e.locations) (out as { locations?: readonly SourceLocation[] }).locations = e.locations;
  return out;
}
