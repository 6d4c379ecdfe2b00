import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidInputError } from './domain-errors';


function firstFailure(errors: ValidationError[], prefix = ''): { field: string; constraint: string; message: string } | undefined {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      const [constraint, message] = Object.entries(e.constraints)[0];
      return { field, constraint, message };
    }
    const nested = firstFailure(e.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Validates every input class with class-validator and reports the first failure as
 * BAD_USER_INPUT naming the field at fault. Fields of the `input` argument are named as
 * they are (`shifts.0.capacity`); those of other arguments carry the argument's name
 * (`filter.regionId`), the same names the services use.
 */
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => {
        const f = firstFailure(errors);
        if (!f) return new InvalidInputError(undefined, 'validation.invalid', 'The input is not valid');
        const leaf = f.field.split('.').pop() ?? f.field;
        return new InvalidInputError(f.field, `validation.${f.constraint}`, f.message.replace(new RegExp(`^${leaf}\\b`), f.field));
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // GraphQL arguments only (Nest names their param type `body`): a parent object or the
    // context came from us, not the client.
    if (metadata.type === 'body') refuseNulBytes(value, metadata.data && metadata.data !== 'input' ? metadata.data : '');
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      const arg = metadata.data;
      if (err instanceof InvalidInputError && arg && arg !== 'input' && err.field) {
        throw new InvalidInputError(`${arg}.${err.field}`, err.key, err.message.replace(err.field, `${arg}.${err.field}`));
      }
      throw err;
    }
  }
}

/**
 * PostgreSQL cannot store a NUL character in text, so one in any string a client sends
 * (a name, a filter, a cursor) would fail deep in a query as an internal error. Refused
 * here for every argument, with the field at fault.
 */
export function refuseNulBytes(value: unknown, path: string, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new InvalidInputError(path || undefined, 'validation.nulCharacter', `${path || 'The input'} must not contain a NUL character`);
    return;
  }
  if (depth > 20 || value === null || typeof value !== 'object' || value instanceof Date) return;
  for (const [k, v] of Object.entries(value)) refuseNulBytes(v, path ? `${path}.${k}` : k, depth + 1);
}

export function inputValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}
