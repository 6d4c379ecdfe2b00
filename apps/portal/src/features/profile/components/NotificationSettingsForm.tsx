import { useId, useState } from 'react';
import { Alert, Button, Checkbox, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../../gql';
import type { NotificationChannel, NotificationSettingsFieldsFragment } from '../../../gql/graphql';
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS, useLabels } from '../../../lib/catalog';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useNotificationSettings } from '../api/notification-settings';
import { useUpdateNotificationSettingsMutation } from '../api/update-notification-settings';
import { minuteLabel } from './availability';

export const NotificationSettingsFieldsFragmentDoc = graphql(`
  fragment NotificationSettingsFields on NotificationSettings {
    preferences {
      kind
      channels
    }
    quietHoursStart
    quietHoursEnd
  }
`);

/** Quiet hours in half-hour steps, 00:00 to 23:30 (the API takes minutes 0–1439). */
const QUIET_STEPS = Array.from({ length: 48 }, (_, i) => i * 30);
const DEFAULT_QUIET = { start: 22 * 60, end: 7 * 60 };

type Channels = Record<string, NotificationChannel[]>;

/** Kinds the portal knows first, in its order; any others the API lists after them. */
export function orderedKinds(settings: NotificationSettingsFieldsFragment): string[] {
  const listed = settings.preferences.map((p) => p.kind);
  const known = NOTIFICATION_KINDS.filter((k) => listed.includes(k));
  return [...known, ...listed.filter((k) => !(NOTIFICATION_KINDS as readonly string[]).includes(k))];
}

function Editor({ settings, hasEmail }: { settings: NotificationSettingsFieldsFragment; hasEmail: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useId();
  const [save, { loading }] = useUpdateNotificationSettingsMutation();
  const [channels, setChannels] = useState<Channels>(() => Object.fromEntries(settings.preferences.map((p) => [p.kind, [...p.channels]])));
  const quietAtFirst = settings.quietHoursStart !== settings.quietHoursEnd;
  const [quiet, setQuiet] = useState(quietAtFirst);
  const [start, setStart] = useState(quietAtFirst ? settings.quietHoursStart : DEFAULT_QUIET.start);
  const [end, setEnd] = useState(quietAtFirst ? settings.quietHoursEnd : DEFAULT_QUIET.end);
  const [saved, setSaved] = useState(false);
  const [quietSame, setQuietSame] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const kinds = orderedKinds(settings);
  const emailHint = `${id}-email-hint`;
  const changed = () => {
    setSaved(false);
    setQuietSame(false);
    setError(null);
  };

  const toggle = (kind: string, channel: NotificationChannel, on: boolean) => {
    changed();
    setChannels((c) => {
      const rest = (c[kind] ?? []).filter((x) => x !== channel);
      // Kept in the portal's channel order, as the API lists them.
      return { ...c, [kind]: NOTIFICATION_CHANNELS.filter((x) => (x === channel ? on : rest.includes(x))) };
    });
  };
  const options = (extra: number) => [...new Set([...QUIET_STEPS, extra])].sort((a, b) => a - b).map((m) => ({ value: m, label: minuteLabel(m) }));

  const submit = async () => {
    changed();
    if (quiet && start === end) {
      setQuietSame(true);
      return;
    }
    try {
      await save({
        variables: {
          input: {
            preferences: kinds.map((kind) => ({ kind, channels: channels[kind] ?? [] })),
            // The same start and end: no quiet hours.
            quietHoursStart: quiet ? start : 0,
            quietHoursEnd: quiet ? end : 0,
          },
        },
      });
      setSaved(true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <form
      aria-labelledby="notification-settings-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {!hasEmail ? (
        <p id={emailHint} className="hint">
          {t('notificationSettings.noEmail')}
        </p>
      ) : null}
      <ul className="pref-list">
        {kinds.map((kind) => (
          <li key={kind}>
            <fieldset className="pref-row">
              <legend>{labels.notificationKind(kind)}</legend>
              <div className="pref-channels">
                {NOTIFICATION_CHANNELS.map((ch) => {
                  const noEmail = ch === 'EMAIL' && !hasEmail;
                  return (
                    <Checkbox
                      key={ch}
                      checked={(channels[kind] ?? []).includes(ch)}
                      disabled={noEmail}
                      aria-describedby={noEmail ? emailHint : undefined}
                      onChange={(e) => toggle(kind, ch, e.target.checked)}
                    >
                      {t(`notificationSettings.channel.${ch}`)}
                    </Checkbox>
                  );
                })}
              </div>
            </fieldset>
          </li>
        ))}
      </ul>
      <fieldset className="quiet-fieldset">
        <legend>{t('notificationSettings.quietTitle')}</legend>
        <p className="hint">{t('notificationSettings.quietHint')}</p>
        <Radio.Group
          value={quiet ? 'quiet' : 'none'}
          onChange={(e) => {
            changed();
            setQuiet(e.target.value === 'quiet');
          }}
          options={[
            { value: 'none', label: t('notificationSettings.noQuiet') },
            { value: 'quiet', label: t('notificationSettings.quiet') },
          ]}
        />
        {quiet ? (
          <div className="quiet-hours">
            <label>
              <span>{t('notificationSettings.quietFrom')}</span>
              <Select
                value={start}
                onChange={(v) => {
                  changed();
                  setStart(v);
                }}
                options={options(start)}
                aria-label={t('notificationSettings.quietFrom')}
                style={{ minWidth: 100 }}
              />
            </label>
            <label>
              <span>{t('notificationSettings.quietTo')}</span>
              <Select
                value={end}
                onChange={(v) => {
                  changed();
                  setEnd(v);
                }}
                options={options(end)}
                aria-label={t('notificationSettings.quietTo')}
                style={{ minWidth: 100 }}
              />
            </label>
          </div>
        ) : null}
      </fieldset>
      {quietSame ? <Alert type="error" showIcon role="alert" title={t('notificationSettings.quietSame')} className="form-alert" /> : null}
      <ErrorAlert error={error} className="form-alert" />
      <div aria-live="polite">{saved ? <p className="saved-note">{t('notificationSettings.saved')}</p> : null}</div>
      <Button htmlType="submit" loading={loading} size="large">
        {t('notificationSettings.save')}
      </Button>
    </form>
  );
}

/** Which channels each kind of notification uses, and quiet hours for SMS. */
export function NotificationSettingsForm({ hasEmail }: { hasEmail: boolean }) {
  const { data, loading, error, refetch } = useNotificationSettings();
  const settings = data?.notificationSettings;
  if (!settings && loading) return <Loading />;
  if (!settings) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <Editor settings={settings} hasEmail={hasEmail} />;
}
