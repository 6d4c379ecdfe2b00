import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';

/**
 * A new password and its confirmation, with the API's length rules: the same two fields
 * wherever a password is chosen (signing up, resetting it, changing it).
 */
export function NewPasswordFields({
  name,
  label,
  requiredMessage,
  confirmLabel,
  size,
}: {
  /** The form field holding the new password. */
  name: string;
  label: string;
  requiredMessage: string;
  confirmLabel: string;
  size?: 'large';
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label}
        extra={t('auth.passwordHint', { min: Limits.passwordMinLength })}
        rules={[
          { required: true, message: requiredMessage },
          { min: Limits.passwordMinLength, message: t('auth.passwordTooShort', { min: Limits.passwordMinLength }) },
          { max: Limits.passwordMaxLength, message: t('validation.maxLength', { max: Limits.passwordMaxLength }) },
        ]}
      >
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={confirmLabel}
        dependencies={[name]}
        rules={[
          { required: true, message: t('auth.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || value === getFieldValue(name) ? Promise.resolve() : Promise.reject(new Error(t('auth.confirmMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size={size} />
      </Form.Item>
    </>
  );
}
