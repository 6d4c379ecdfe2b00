import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands every error from a resolver straight to Apollo, whose formatError maps it to a
 * code and logs only the unexpected ones. (Nest would otherwise log expected domain
 * errors, like a full shift, as server errors.)
 */
@Catch()
export class PassThroughGraphQLFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') {
      // HTTP routes (health, metrics) keep Nest's own handling.
      if (exception instanceof HttpException) throw exception;
    }
    return exception;
  }
}
