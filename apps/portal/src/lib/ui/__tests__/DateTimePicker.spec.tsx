import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { renderWithApp } from '../../../../test/render';
import { DateTimePicker, keepEnterInPicker } from '../DateTimePicker';

function ShiftForm({ onFinish }: { onFinish(values: { title?: string; startsAt?: Dayjs }): void }) {
  return (
    <Form onFinish={onFinish}>
      <Form.Item name="title" label="Title">
        <Input />
      </Form.Item>
      <Form.Item name="startsAt" label="Starts">
        <DateTimePicker />
      </Form.Item>
      <Button htmlType="submit">Save</Button>
    </Form>
  );
}

describe('DateTimePicker', () => {
  it('should take the typed date on Enter without submitting the form', async () => {
    const onFinish = jest.fn();
    renderWithApp(<ShiftForm onFinish={onFinish} />);
    const input = screen.getByLabelText('Starts');
    await userEvent.click(input);
    await userEvent.type(input, '2030-03-02 09:30{Enter}');
    await waitFor(() => expect(input).toHaveValue('2030-03-02 09:30'));
    expect(onFinish).not.toHaveBeenCalled();
    // The date was taken: saving sends it.
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
    expect(onFinish.mock.calls[0][0].startsAt.format('YYYY-MM-DD HH:mm')).toBe('2030-03-02 09:30');
  });

  it('should keep Enter in a date-only picker of a form too (a series\' last date)', async () => {
    const onFinish = jest.fn();
    renderWithApp(
      <Form onFinish={onFinish}>
        <Form.Item name="until" label="Until">
          <DatePicker format="YYYY-MM-DD" onKeyDown={keepEnterInPicker} />
        </Form.Item>
        <Button htmlType="submit">Save</Button>
      </Form>,
    );
    const input = screen.getByLabelText('Until');
    await userEvent.click(input);
    await userEvent.type(input, '2030-03-02{Enter}');
    await waitFor(() => expect(input).toHaveValue('2030-03-02'));
    expect(onFinish).not.toHaveBeenCalled();
  });

  it('should leave Enter in an ordinary field to submit, as forms do', async () => {
    const onFinish = jest.fn();
    renderWithApp(<ShiftForm onFinish={onFinish} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Meals{Enter}');
    await waitFor(() => expect(onFinish).toHaveBeenCalledTimes(1));
  });
});
