import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { apiErrors, fieldPath, translateApiError } from './api-error';

/**
 * Puts each API error next to the form field it names (`extensions.field`, e.g.
 * `shifts.0.capacity`) when the form has that field (`fields` lists the form's top-level
 * names); other errors come back as `formError`, for an alert above the submit button.
 */
export interface FormErrorOptions {
  /** API field name → form field name, where they differ (`homeRegionId` → `homeRegion`). */
  aliases?: Record<string, string>;
  /** Errors that name no field but belong to one, by key (`auth.badCredentials` → `password`). */
  keyFields?: Record<string, string>;
}

export function useFormErrors(form: FormInstance, fields: readonly string[], options: FormErrorOptions = {}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const fieldKey = fields.join('|');
  const aliasKey = JSON.stringify(options);

  const showError = useCallback(
    (error: unknown) => {
      const general: string[] = [];
      const known = new Set(fieldKey.split('|'));
      const { aliases = {}, keyFields = {} } = JSON.parse(aliasKey) as FormErrorOptions;
      for (const e of apiErrors(error)) {
        const text = translateApiError(t, e);
        const field = e.field ?? (e.key ? keyFields[e.key] : undefined);
        const name = field ? fieldPath(aliases[field] ?? field) : null;
        if (name && known.has(String(name[0]))) {
          form.setFields([{ name: name as never, errors: [text] }]);
        } else {
          general.push(text);
        }
      }
      setFormError(general.length ? general.join(' ') : null);
    },
    [form, t, fieldKey, aliasKey],
  );

  const clearError = useCallback(() => setFormError(null), []);
  return { formError, showError, clearError };
}
