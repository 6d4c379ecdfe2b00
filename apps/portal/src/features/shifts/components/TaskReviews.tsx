import { useState } from 'react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../lib/auth';
import { useFormErrors } from '../../../lib/errors';
import { useFormatters } from '../../../lib/time';
import type { TaskDetailQuery } from '../../../gql/graphql';
import { useReviewTaskMutation } from '../api/review-task';

type Task = NonNullable<TaskDetailQuery['task']>;

export const REVIEW_COMMENT_MAX = 1000;

/** Rate a completed task, 1 to 5 with an optional comment; the API says who may (FORBIDDEN) and once (CONFLICT). */
export function ReviewForm({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const [review, { loading }] = useReviewTaskMutation();
  const { formError, showError, clearError } = useFormErrors(form, ['rating', 'comment']);
  const [done, setDone] = useState(false);
  if (done) return <p className="saved-note">{t('review.thanks')}</p>;
  return (
    <Form
      form={form}
      name="review-task"
      layout="vertical"
      requiredMark={false}
      onFinish={async (v) => {
        clearError();
        try {
          await review({ variables: { input: { taskId, rating: v.rating, comment: v.comment?.trim() || undefined } } });
          setDone(true);
        } catch (e) {
          showError(e);
        }
      }}
    >
      <Form.Item name="rating" label={t('review.rating')} rules={[{ required: true, type: 'integer', min: 1, max: 5, message: t('review.ratingRequired') }]}>
        <Radio.Group optionType="button" options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: t('review.stars', { count: n }) }))} />
      </Form.Item>
      <Form.Item name="comment" label={t('review.comment')} rules={[{ max: REVIEW_COMMENT_MAX, message: t('validation.maxLength', { max: REVIEW_COMMENT_MAX }) }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={formError} className="form-alert" /> : null}
      <Button type="primary" htmlType="submit" loading={loading}>
        {t('review.submit')}
      </Button>
    </Form>
  );
}

export function TaskReviews({ task }: { task: Task }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const { signedIn } = useSession();
  const reviews = task.reviews.edges;
  if (task.status !== 'COMPLETED' && reviews.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">{t('review.title', { count: task.reviews.totalCount })}</h2>
      {task.averageRating != null ? <p className="lead">{t('review.average', { rating: task.averageRating.toFixed(1) })}</p> : null}
      {reviews.length === 0 ? <p className="hint">{t('review.none')}</p> : null}
      <ul className="plain-list">
        {reviews.map(({ node }) => (
          <li key={node.id} className="claim-row">
            <div className="claim-row-main">
              <strong>{node.reviewer.displayName}</strong> <span>{t('review.stars', { count: node.rating })}</span> <span className="hint">{f.date(node.createdAt)}</span>
            </div>
            {node.comment ? <p className="description">{node.comment}</p> : null}
          </li>
        ))}
      </ul>
      {/* One rating each: once given, the viewer sees theirs instead of the form. */}
      {task.viewerReview ? (
        <div className="subpanel">
          <p>{t('review.yours', { stars: t('review.stars', { count: task.viewerReview.rating }) })}</p>
          {task.viewerReview.comment ? <p className="description">{t('review.yourComment', { comment: task.viewerReview.comment })}</p> : null}
        </div>
      ) : task.status === 'COMPLETED' && signedIn ? (
        <>
          <h3>{t('review.formTitle')}</h3>
          <ReviewForm taskId={task.id} />
        </>
      ) : null}
    </section>
  );
}
