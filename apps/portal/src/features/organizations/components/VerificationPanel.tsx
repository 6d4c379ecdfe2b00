import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Limits } from '@civicgrid/contracts';
import { useFormErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import type { OrganizationPageQuery } from '../../../gql/graphql';
import { useResubmitOrganizationMutation } from '../api/resubmit-organization';

type Org = NonNullable<OrganizationPageQuery['organization']>;

/** Letters, digits, spaces and dashes, 18 of the code's own characters once those are dropped. */
const REGISTRATION_FORM = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const normalise = (v: string) => v.replace(/[\s-]/g, '').toUpperCase();

/**
 * For those who run the organisation: what the officials said (the reason for a rejection,
 * or the information they asked for), and the form that corrects the details and sends
 * it back to them. Once resubmitted it waits for the officials again.
 */
export function VerificationPanel({ org }: { org: Org }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const [form] = Form.useForm<{ description: string; registrationNumber: string; answer: string }>();
  const [resubmit, { loading, data }] = useResubmitOrganizationMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['description', 'registrationNumber', 'answer']);
  const review = org.review;
  if (!review) return null;
  const awaitsAnswer = org.verificationStatus === 'REJECTED' || org.verificationStatus === 'INFO_REQUESTED';
  return (
    <section className="panel" aria-labelledby="org-verification">
      <h2 id="org-verification">{t('orgReview.title')}</h2>
      {awaitsAnswer && review.note ? (
        <Alert
          type={org.verificationStatus === 'REJECTED' ? 'error' : 'warning'}
          showIcon
          title={org.verificationStatus === 'REJECTED' ? t('orgReview.rejected') : t('orgReview.infoRequested')}
          description={
            <>
              <p>{review.note}</p>
              {review.reviewedAt ? <p className="hint">{t('orgReview.reviewedOn', { date: f.date(review.reviewedAt) })}</p> : null}
            </>
          }
        />
      ) : null}
      <div aria-live="polite">
        {org.verificationStatus === 'PENDING' ? <p className="saved-note">{data ? t('orgReview.resubmitted') : t('orgReview.waiting')}</p> : null}
      </div>
      {awaitsAnswer ? (
        <Form
          form={form}
          name="resubmit-organization"
          layout="vertical"
          requiredMark={false}
          className="narrow-form"
          initialValues={{ description: org.description ?? '', registrationNumber: org.registrationNumber ?? '', answer: '' }}
          onFinish={async (v) => {
            clearError();
            try {
              await resubmit({
                variables: { input: { organizationId: org.id, description: v.description ?? '', registrationNumber: v.registrationNumber ?? '', answer: v.answer?.trim() || undefined } },
              });
            } catch (e) {
              showError(e);
            }
          }}
        >
          <Form.Item name="description" label={t('org.description')} rules={[{ max: Limits.descriptionMaxLength, message: t('validation.maxLength', { max: Limits.descriptionMaxLength }) }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name="registrationNumber"
            label={t('orgReview.registrationNumber')}
            extra={t('orgReview.registrationNumberHint')}
            rules={[{ validator: async (_r, v?: string) => (!v || !normalise(v) || REGISTRATION_FORM.test(normalise(v)) ? undefined : Promise.reject(new Error(t('orgReview.registrationNumberInvalid')))) }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="answer" label={t('orgReview.answer')} rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
          <Button htmlType="submit" type="primary" loading={loading}>
            {t('orgReview.resubmit')}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
