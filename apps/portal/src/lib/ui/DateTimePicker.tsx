import type { AriaAttributes, KeyboardEvent } from 'react';
import { ConfigProvider, DatePicker, Grid } from 'antd';
import { usePrefs } from '../prefs';
import type { Dayjs } from 'dayjs';

/** How a date and time are typed and shown in the shift forms. */
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * The date-and-time field of the task and shift forms. Enter commits what was typed (or
 * picked) and stays in the field: it never submits the surrounding form, which would save
 * a half-filled task. On a phone the calendar's cells and the time columns are narrower,
 * so that calendar and time together fit a 360 px screen (antd's defaults need about 400).
 */
interface Props extends AriaAttributes {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLElement>, preventDefault: () => void) => void;
  disabled?: boolean;
  allowClear?: boolean;
  status?: '' | 'error' | 'warning';
  disabledDate?: (date: Dayjs) => boolean;
}

/**
 * For any picker inside a form: Enter commits the picker's value (the picker does that
 * first) but not the form, which the browser would otherwise submit.
 */
export function keepEnterInPicker(event: KeyboardEvent<HTMLElement>): void {
  if (event.key === 'Enter') event.preventDefault();
}

export function DateTimePicker({ onKeyDown, onChange, ...props }: Props) {
  const narrow = !Grid.useBreakpoint().sm;
  const { elderMode } = usePrefs();
  return (
    <ConfigProvider theme={narrow ? { components: { DatePicker: { cellWidth: elderMode ? 32 : 28, timeColumnWidth: 44 } } } : undefined}>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        needConfirm={false}
        format={DATE_TIME_FORMAT}
        placeholder={DATE_TIME_FORMAT}
        placement="bottomLeft"
        style={{ width: '100%' }}
        {...props}
        classNames={{ popup: { root: 'datetime-popup' } }}
        onChange={(value) => onChange?.(value)}
        onKeyDown={(event: KeyboardEvent<HTMLElement>, preventDefault: () => void) => {
          keepEnterInPicker(event);
          onKeyDown?.(event, preventDefault);
        }}
      />
    </ConfigProvider>
  );
}
