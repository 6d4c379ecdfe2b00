import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { ErrorAlert, LinkButton, Loading, PageTitle } from '../../../lib/ui';
import { useElderAskForHelp } from '../api/ask-for-help';
import { useElderHomePlace } from '../api/near-today';
import { ElderBack } from './ElderBack';

/** What an elder asks for is care for an elderly resident: the needs board files it there. */
export const ASK_FOR_HELP_CATEGORY = 'ELDER_CARE';

interface Values {
  title: string;
  description: string;
}

/** "Ask for help": two plain questions; the answer is published as a need in the person's home area. */
export function AskForHelp() {
  const { t } = useTranslation();
  const place = useElderHomePlace();
  const [form] = Form.useForm<Values>();
  const [ask, asking] = useElderAskForHelp();
  const [sent, setSent] = useState(false);
  const { formError, showError, clearError } = useFormErrors(form, ['title', 'description']);
  const home = place.data?.me?.homeRegion ?? null;

  let body;
  if (!place.data && place.loading) body = <Loading />;
  else if (sent) {
    body = (
      <div className="elder-screen">
        <Alert type="success" showIcon role="status" title={t('elder.ask.sent')} description={t('elder.ask.sentMore')} />
        <LinkButton to="/" type="primary" size="large" block className="elder-button">
          {t('elder.back')}
        </LinkButton>
      </div>
    );
  } else if (place.data && !home) {
    body = (
      <p className="elder-big-text">
        {t('elder.ask.noHome')} <Link to="/profile">{t('elder.home.setHome')}</Link>
      </p>
    );
  } else if (home) {
    body = (
      <Form
        form={form}
        name="elder-ask-for-help"
        layout="vertical"
        requiredMark={false}
        className="narrow-form elder-form"
        onFinish={async (v) => {
          clearError();
          try {
            await ask({ variables: { input: { title: v.title.trim(), description: v.description.trim(), category: ASK_FOR_HELP_CATEGORY, regionId: home.id } } });
            setSent(true);
          } catch (e) {
            showError(e);
          }
        }}
      >
        <Form.Item
          name="title"
          label={t('elder.ask.what')}
          rules={[
            { required: true, whitespace: true, message: t('elder.ask.whatRequired') },
            { max: Limits.taskTitleMaxLength, message: t('validation.maxLength', { max: Limits.taskTitleMaxLength }) },
          ]}
        >
          <Input size="large" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('elder.ask.more')}
          rules={[
            { required: true, whitespace: true, message: t('elder.ask.moreRequired') },
            { max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
        {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
        <Button type="primary" htmlType="submit" size="large" block className="elder-button" loading={asking.loading}>
          {t('elder.ask.send')}
        </Button>
      </Form>
    );
  }

  return (
    <>
      <ElderBack />
      <PageTitle>{t('elder.ask.title')}</PageTitle>
      {!sent ? <p className="lead">{t('elder.ask.lead')}</p> : null}
      <ErrorAlert error={place.error} onRetry={() => void place.refetch()} />
      {body}
    </>
  );
}
