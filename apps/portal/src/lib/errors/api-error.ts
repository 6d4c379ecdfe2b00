import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** One error from the API, as the portal uses it. */
export interface ApiError {
  code: string;
  key?: string;
  /** The input field at fault, e.g. `phone` or `shifts.0.capacity`. */
  field?: string;
  retryAfterSeconds?: number;
  message: string;
}

/** Reads the errors of a failed operation; anything that is not a GraphQL error counts as a network error. */
export function apiErrors(error: unknown): ApiError[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) {
    return error.errors.map((e) => {
      const ext = (e.extensions ?? {}) as Record<string, unknown>;
      return {
        code: typeof ext.code === 'string' ? ext.code : 'INTERNAL',
        key: typeof ext.key === 'string' ? ext.key : undefined,
        field: typeof ext.field === 'string' ? ext.field : undefined,
        retryAfterSeconds: typeof ext.retryAfterSeconds === 'number' ? ext.retryAfterSeconds : undefined,
        message: e.message,
      };
    });
  }
  return [{ code: 'NETWORK', message: error instanceof Error ? error.message : String(error) }];
}

/** `shift.full` → `errors.keys.shift_full` (keys hold dots, which i18next reads as nesting). */
export function errorKeyPath(key: string): string {
  return `errors.keys.${key.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/** A translated sentence for one API error: by its key, else by its code. */
export function translateApiError(t: TFunction, e: ApiError): string {
  const opts = { minutes: Math.max(1, Math.ceil((e.retryAfterSeconds ?? 60) / 60)) };
  const byCode = t(`errors.codes.${e.code}`, { ...opts, defaultValue: t('errors.codes.INTERNAL') });
  if (!e.key) return byCode;
  return t(errorKeyPath(e.key), { ...opts, defaultValue: byCode });
}

/** `shifts.0.capacity` → ['shifts', 0, 'capacity'] (an antd form field name). */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
