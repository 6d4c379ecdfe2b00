import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../errors/domain-errors';
import { ACCESS_RULE, AccessRule, requestContextOf } from './decorators';

/**
 * Deny by default: an operation that declares no access rule is refused, so a new
 * resolver cannot ship open by accident. Resource-level checks happen in the services,
 * through the policy.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    if (!rule) throw new ForbiddenError('access.undeclared', 'This operation declares no access rule');
    if (rule.kind === 'public') return true;
    await requestContextOf(context).requireActor();
    return true;
  }
}
