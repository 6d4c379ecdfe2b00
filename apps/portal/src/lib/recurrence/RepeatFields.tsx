import { Checkbox, DatePicker, Form, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { keepEnterInPicker } from '../ui/DateTimePicker';
import { FREQUENCIES, NEW_REPEAT, type RepeatDraft, repeatProblems, WEEKDAYS } from './recurrence';

type Path = (string | number)[];

/**
 * The "Repeat" option of a shift inside an antd form: how often (daily, weekly on chosen
 * days, monthly), every N, when it ends (never, on a date, after N times) and dates to
 * skip. `name` is where the RepeatDraft lives in the form (relative inside a Form.List),
 * `path` its full path (when it differs); `start` the full path of the shift's start, which
 * the checks read (the first date must be one of the chosen days). `optional={false}` for a
 * shift that repeats already: the fields show without the "Repeat" checkbox, and the form
 * gives their values (its rule as it is) instead of a new rule's defaults.
 */
export function RepeatFields({ name, path = name, start, optional = true }: { name: Path; path?: Path; start: Path; optional?: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const repeat = Form.useWatch(path, form) as RepeatDraft | undefined;
  const rule = (field: keyof ReturnType<typeof repeatProblems>) => ({
    validator: () => {
      const key = repeatProblems(form.getFieldValue(path), form.getFieldValue(start) as Dayjs | undefined)[field];
      return key ? Promise.reject(new Error(t(key))) : Promise.resolve();
    },
  });
  const initial = <K extends keyof RepeatDraft>(k: K) => (optional ? NEW_REPEAT[k] : undefined);
  const unit = (n: number | null | undefined) => t(`recurrence.unit.${repeat?.frequency ?? 'WEEKLY'}`, { count: n ?? 1 });
  return (
    <div className="repeat-fields">
      <Form.Item name={[...name, 'enabled']} valuePropName="checked" className="check-item" hidden={!optional}>
        <Checkbox>{t('recurrence.repeat')}</Checkbox>
      </Form.Item>
      {repeat?.enabled ? (
        <fieldset className="repeat-fieldset">
          <legend>{t('recurrence.legend')}</legend>
          <Form.Item name={[...name, 'frequency']} label={t('recurrence.frequency')} initialValue={initial('frequency')}>
            <Select options={FREQUENCIES.map((f) => ({ value: f, label: t(`recurrence.frequencyName.${f}`) }))} />
          </Form.Item>
          <Form.Item name={[...name, 'interval']} label={t('recurrence.interval')} rules={[rule('interval')]} extra={unit(repeat.interval)} initialValue={initial('interval')}>
            <InputNumber min={1} max={52} style={{ width: '100%' }} />
          </Form.Item>
          {repeat.frequency === 'WEEKLY' ? (
            <Form.Item name={[...name, 'byWeekday']} label={t('recurrence.days')} dependencies={[start]} rules={[rule('byWeekday')]} extra={t('recurrence.daysHint')}>
              <Checkbox.Group aria-label={t('recurrence.days')} options={WEEKDAYS.map((d) => ({ value: d, label: t(`recurrence.day.${d}`) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name={[...name, 'end']} label={t('recurrence.ends')} initialValue={initial('end')}>
            <Radio.Group
              aria-label={t('recurrence.ends')}
              options={[
                { value: 'COUNT', label: t('recurrence.endCount') },
                { value: 'UNTIL', label: t('recurrence.endUntil') },
                { value: 'NEVER', label: t('recurrence.endNever') },
              ]}
            />
          </Form.Item>
          {repeat.end === 'COUNT' ? (
            <Form.Item name={[...name, 'count']} label={t('recurrence.count')} rules={[rule('count')]} initialValue={initial('count')}>
              <InputNumber min={1} max={500} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {repeat.end === 'UNTIL' ? (
            <Form.Item name={[...name, 'until']} label={t('recurrence.until')} dependencies={[start]} rules={[rule('until')]}>
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="YYYY-MM-DD" onKeyDown={keepEnterInPicker} />
            </Form.Item>
          ) : null}
          {repeat.end === 'NEVER' ? <p className="hint">{t('recurrence.neverHint')}</p> : null}
          <Form.Item name={[...name, 'exceptions']} label={t('recurrence.exceptions')} extra={t('recurrence.exceptionsHint')}>
            <DatePicker multiple format="YYYY-MM-DD" style={{ width: '100%' }} placeholder="YYYY-MM-DD" onKeyDown={keepEnterInPicker} />
          </Form.Item>
        </fieldset>
      ) : null}
    </div>
  );
}
