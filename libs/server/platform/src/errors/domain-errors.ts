import { ErrorCode } from '@civicgrid/contracts';

/**
 * Errors a service throws when a request cannot be carried out. Each has a code from the
 * fixed set, a translatable key (e.g. `shift.full`) and a readable English message.
 */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    readonly key: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(entity: string, field?: string) {
    super(`${entity.toLowerCase()}.notFound`, `${entity} not found`, field);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(key = 'forbidden', message = 'You are not allowed to do this') {
    super(key, message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(key = 'auth.required', message = 'Sign in first') {
    super(key, message);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(field: string | undefined, key: string, message: string) {
    super(key, message, field);
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
}

export class RateLimitedError extends DomainError {
  readonly code = ErrorCode.RATE_LIMITED;
  constructor(
    key: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(key, message);
  }
}
