import { useId } from 'react';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RegionCascader } from '../../../lib/regions';
import { SKILLS, TASK_CATEGORIES, useLabels } from '../../../lib/catalog';

export interface BoardFilterValues {
  region?: string[];
  category?: string;
  skills?: string[];
  /** Whole days, YYYY-MM-DD, in the user's zone. */
  dateFrom?: string;
  dateTo?: string;
  onlyWithSpace?: boolean;
}

/** A message under a filter: the form's own check or the API's answer about that field. */
export type BoardFilterErrors = Partial<Record<'region' | 'category' | 'skills' | 'dates' | 'form', string>>;

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p id={id} className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

/**
 * Filters of the shift board: region (antd Cascader, loaded level by level), category,
 * skills, dates and "only with space". Dates use the browser's own date inputs: they suit
 * phones and screen readers, and keep antd's date picker out of the first page's load.
 */
export function ShiftFilters({ value, onChange, errors = {} }: { value: BoardFilterValues; onChange(v: BoardFilterValues): void; errors?: BoardFilterErrors }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = useId();
  const set = (patch: Partial<BoardFilterValues>) => onChange({ ...value, ...patch });
  const described = (field: keyof BoardFilterErrors) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <div className="filters">
      <FieldError id={`${id}-form-error`} text={errors.form} />
      <div className="field">
        <label htmlFor={`${id}-region`}>{t('board.region')}</label>
        <RegionCascader
          id={`${id}-region`}
          anyLevel
          value={value.region}
          onChange={(region) => set({ region })}
          placeholder={t('board.anyRegion')}
          aria-describedby={errors.region ? `${id}-region-error` : undefined}
        />
        <FieldError id={`${id}-region-error`} text={errors.region} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('board.category')}</label>
        <Select
          id={`${id}-category`}
          allowClear
          value={value.category}
          onChange={(category) => set({ category })}
          placeholder={t('board.anyCategory')}
          options={TASK_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          style={{ width: '100%' }}
          status={errors.category ? 'error' : undefined}
          {...described('category')}
        />
        <FieldError id={`${id}-category-error`} text={errors.category} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-skills`}>{t('board.skills')}</label>
        <Select
          id={`${id}-skills`}
          mode="multiple"
          allowClear
          value={value.skills ?? []}
          onChange={(skills) => set({ skills })}
          placeholder={t('board.anySkill')}
          options={SKILLS.map((s) => ({ value: s, label: labels.skill(s) }))}
          style={{ width: '100%' }}
          status={errors.skills ? 'error' : undefined}
          {...described('skills')}
        />
        <FieldError id={`${id}-skills-error`} text={errors.skills} />
      </div>
      <fieldset className="field date-range">
        <legend>{t('board.dates')}</legend>
        <div className="date-range-inputs">
          <label>
            <span>{t('board.dateFrom')}</span>
            <input
              type="date"
              className="native-input"
              value={value.dateFrom ?? ''}
              max={value.dateTo || undefined}
              onChange={(e) => set({ dateFrom: e.target.value || undefined })}
              {...described('dates')}
            />
          </label>
          <label>
            <span>{t('board.dateTo')}</span>
            <input
              type="date"
              className="native-input"
              value={value.dateTo ?? ''}
              min={value.dateFrom || undefined}
              onChange={(e) => set({ dateTo: e.target.value || undefined })}
              {...described('dates')}
            />
          </label>
        </div>
        <FieldError id={`${id}-dates-error`} text={errors.dates} />
      </fieldset>
      <label className="native-check">
        <input type="checkbox" checked={Boolean(value.onlyWithSpace)} onChange={(e) => set({ onlyWithSpace: e.target.checked })} />
        <span>{t('board.onlyWithSpace')}</span>
      </label>
      <Button onClick={() => onChange({ region: [], skills: [] })}>{t('board.resetFilters')}</Button>
    </div>
  );
}
