import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { apiErrors, fieldPath, translateApiError, type ApiError } from '../../../lib/errors';

/**
 * The API's incentive errors in words: `redemption.codeUnknown` → `incentives.errors.redemption_codeUnknown`,
 * else the portal's general words for its key or code.
 */
export function translateIncentiveError(t: TFunction, e: ApiError): string {
  if (e.code === 'NETWORK') return t('errors.network');
  const opts = { minutes: Math.max(1, Math.ceil((e.retryAfterSeconds ?? 60) / 60)) };
  const own = e.key ? t(`incentives.errors.${e.key.replace(/[^A-Za-z0-9]+/g, '_')}`, { ...opts, defaultValue: '' }) : '';
  if (own) return own;
  if (e.code === 'RATE_LIMITED') return t('incentives.errors.rateLimited', opts);
  return translateApiError(t, e);
}

/** All of a failed request's errors as one sentence. */
export function incentiveErrorText(t: TFunction, error: unknown): string | null {
  const list = apiErrors(error);
  return list.length ? list.map((e) => translateIncentiveError(t, e)).join(' ') : null;
}

/**
 * As lib/errors' useFormErrors, with the incentive words: each error under the field it names
 * (`aliases` maps an API field to the form's), the rest as `formError`.
 */
export function useIncentiveFormErrors(form: FormInstance, fields: readonly string[], aliases: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const known = fields.join('|');
  const aliasKey = JSON.stringify(aliases);
  const showError = useCallback(
    (error: unknown) => {
      const names = new Set(known.split('|'));
      const map = JSON.parse(aliasKey) as Record<string, string>;
      const general: string[] = [];
      for (const e of apiErrors(error)) {
        const text = translateIncentiveError(t, e);
        const name = e.field ? fieldPath(map[e.field] ?? e.field) : null;
        if (name && names.has(String(name[0]))) form.setFields([{ name: name as never, errors: [text] }]);
        else general.push(text);
      }
      setFormError(general.length ? general.join(' ') : null);
    },
    [form, t, known, aliasKey],
  );
  const clearError = useCallback(() => setFormError(null), []);
  return { formError, showError, clearError };
}
