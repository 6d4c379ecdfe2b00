import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error from a resolver straight to Apollo, whose formatError maps it to a
 * code and logs only the unexpected ones (Nest would otherwise log expected domain
 * errors, like a full shift, as server errors). HTTP routes keep Nest's own handling.
 */
@Catch()
export class PassThroughGraphQLFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
