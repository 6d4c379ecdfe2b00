import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Action } from '../policy/policy';
import { RequestContext } from './request-context';

export const ACCESS_RULE = 'civicgrid:access-rule';
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' };

/** Anyone may call this operation, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user may call it; the service then asks the policy about the resource. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

export const POLICY_GROUNDS = 'civicgrid:policy-grounds';
/**
 * A ground on which an operation's service lets a caller act: a policy `Action` it asks
 * `authorize`/`can` about, `'self'` (the caller acts on their own things, found by their
 * own id, which needs no policy rule), or `'anyone'` (no rule beyond the access rule).
 */
export type PolicyGround = Action | 'self' | 'anyone';

/**
 * Declares which policy actions the operation's service checks, next to the access rule
 * (`@Public()`/`@SignedIn()`), so the reviewed list of operations says who may do what
 * (apps/api/test/schema.e2e-spec.ts fails on a query or mutation without it). It only
 * declares: the guard does not read it and the service still calls the policy.
 *
 *   @Allow('claim.cancel')                    the service authorizes claim.cancel
 *   @Allow('claim.actAsVolunteer', 'claim.checkInWithoutCode')   either one lets the caller through
 *   @Allow.self()                             only the caller's own things; no policy action
 *   @Allow.self('resident.actFor')            the caller's own, or others' as the action allows
 *   @Allow.anyone()                           no rule beyond the access rule
 *   @Allow.anyone('organization.viewInternal')  anyone, but what is shown depends on the action
 */
export function Allow(...actions: [Action, ...Action[]]) {
  return SetMetadata(POLICY_GROUNDS, actions satisfies PolicyGround[]);
}
Allow.self = (...alsoActions: Action[]) => SetMetadata(POLICY_GROUNDS, ['self', ...alsoActions] satisfies PolicyGround[]);
Allow.anyone = (...filteredBy: Action[]) => SetMetadata(POLICY_GROUNDS, ['anyone', ...filteredBy] satisfies PolicyGround[]);

/**
 * What both transports hand a resolver as GraphQL's context. Field resolvers take
 * GraphQL's own arguments, `(parent, args, { ctx }: GraphQLContext)`, with no parameter
 * decorators: Nest then calls them directly instead of running its per-call parameter
 * pipeline for every field of every row. Operations use `@Ctx()` and `@Args()`.
 */
export interface GraphQLContext {
  req: { headers: Record<string, string | string[] | undefined> };
  ctx: RequestContext;
}

export function requestContextOf(context: ExecutionContext): RequestContext {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<GraphQLContext>().ctx;
  }
  const req = context.switchToHttp().getRequest<{ civicgridContext?: RequestContext }>();
  return req.civicgridContext ?? RequestContext.system();
}

/** Injects the request's RequestContext into a resolver method. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext) => requestContextOf(context));
