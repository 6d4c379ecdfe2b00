import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';

/** Mainland mobile: 11 digits starting with 1 (spaces, dashes and +86 allowed). */
export const MAINLAND_MOBILE = /^(?:\+?86)?1\d{10}$/;

export function phoneRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('auth.phoneRequired') },
    {
      validator: (_, value: string | undefined) =>
        !value || MAINLAND_MOBILE.test(value.replace(/[\s-]/g, '')) ? Promise.resolve() : Promise.reject(new Error(t('auth.phoneInvalid'))),
    },
  ];
}
