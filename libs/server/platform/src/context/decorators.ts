import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

export const ACCESS_RULE = 'civicgrid:access-rule';
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' };

/** Anyone may call this operation, signed in or not. */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user may call it; the service then asks the policy about the resource. */
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signed-in' } satisfies AccessRule);

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
