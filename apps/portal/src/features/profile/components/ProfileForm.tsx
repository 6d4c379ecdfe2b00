import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { RegionCascader, regionPath } from '../../../lib/regions';
import { LANGUAGES, SKILLS, useLabels } from '../../../lib/catalog';
import { LOCALES, isLocale, type Locale } from '../../../lib/i18n';
import { TIME_ZONES } from '../../../lib/time';
import { usePrefs } from '../../../lib/prefs';
import type { ProfileQuery } from '../../../gql/graphql';
import { useUpdateProfileMutation } from '../api/update-profile';

type Me = NonNullable<ProfileQuery['me']>;

interface Values {
  displayName: string;
  email: string;
  skills: string[];
  languages: string[];
  homeRegion: string[];
  locale: Locale;
  elderMode: boolean;
  timeZone: string;
}

export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const prefs = usePrefs();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [save, { loading }] = useUpdateProfileMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['displayName', 'email', 'skills', 'languages', 'homeRegion', 'locale', 'elderMode'], {
    aliases: { homeRegionId: 'homeRegion' },
    keyFields: { 'email.invalid': 'email' },
  });
  const [saved, setSaved] = useState(false);

  const initial: Values = {
    displayName: me.displayName,
    email: me.email ?? '',
    skills: [...me.skills],
    languages: [...me.languages],
    homeRegion: regionPath(me.homeRegion),
    locale: isLocale(me.locale) ? me.locale : prefs.locale,
    elderMode: me.elderMode,
    timeZone: prefs.timeZone,
  };

  const onFinish = async (v: Values) => {
    clearError();
    setSaved(false);
    try {
      await save({
        variables: {
          input: {
            displayName: v.displayName.trim(),
            // An empty address removes it.
            email: (v.email ?? '').trim(),
            skills: v.skills,
            languages: v.languages,
            homeRegionId: v.homeRegion?.length ? v.homeRegion[v.homeRegion.length - 1] : undefined,
            locale: v.locale,
            elderMode: v.elderMode,
          },
        },
      });
      prefs.setTimeZone(v.timeZone);
      prefs.adopt({ locale: v.locale, elderMode: v.elderMode });
      setSaved(true);
      void message.success(t('profile.saved'));
    } catch (e) {
      showError(e);
    }
  };

  return (
    <Form form={form} name="profile" layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark={false} aria-labelledby="profile-heading" onValuesChange={() => setSaved(false)}>
      <Form.Item
        name="displayName"
        label={t('profile.displayName')}
        rules={[
          { required: true, whitespace: true, message: t('auth.displayNameRequired') },
          { max: Limits.displayNameMaxLength, message: t('validation.maxLength', { max: Limits.displayNameMaxLength }) },
        ]}
      >
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item name="email" label={t('profile.email')} extra={t('profile.emailHint')} rules={[{ type: 'email', message: t('errors.keys.email_invalid') }]}>
        <Input type="email" autoComplete="email" inputMode="email" />
      </Form.Item>
      <Form.Item name="skills" label={t('profile.skills')} extra={t('profile.skillsHint')} rules={[{ type: 'array', max: Limits.skillsMax, message: t('validation.arrayMax', { max: Limits.skillsMax }) }]}>
        <Select mode="tags" options={SKILLS.map((s) => ({ value: s, label: labels.skill(s) }))} tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="languages" label={t('profile.languages')} rules={[{ type: 'array', max: Limits.languagesMax, message: t('validation.arrayMax', { max: Limits.languagesMax }) }]}>
        <Select mode="tags" options={LANGUAGES.map((s) => ({ value: s, label: labels.language(s) }))} tokenSeparators={[',', '，']} />
      </Form.Item>
      <Form.Item name="homeRegion" label={t('profile.homeGrid')} extra={t('profile.homeGridHint')}>
        <RegionCascader />
      </Form.Item>
      <Form.Item name="locale" label={t('profile.locale')}>
        <Select options={LOCALES.map((l) => ({ value: l, label: t(`localeName.${l}`) }))} />
      </Form.Item>
      <Form.Item name="timeZone" label={t('profile.timeZone')} extra={t('profile.timeZoneHint')}>
        <Select options={TIME_ZONES.map((z) => ({ value: z, label: z }))} />
      </Form.Item>
      <Form.Item name="elderMode" label={t('profile.elderMode')} valuePropName="checked" extra={t('profile.elderModeHint')}>
        <Switch checkedChildren={t('common.on')} unCheckedChildren={t('common.off')} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <div aria-live="polite">{saved ? <p className="saved-note">{t('profile.saved')}</p> : null}</div>
      <Button type="primary" htmlType="submit" loading={loading} size="large">
        {t('profile.save')}
      </Button>
    </Form>
  );
}
