import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardCardFieldsFragment } from '../../../gql/graphql';
import { useDisplayName } from '../../../lib/i18n';
import { useFormatters } from '../../../lib/time';
import { Pill, type Tone } from '../../../lib/ui';

const TONES: Record<string, Tone> = { ACTIVE: 'green', PAUSED: 'amber', EXPIRED: 'grey', SOLD_OUT: 'red' };

export function RewardStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Pill tone={TONES[status] ?? 'grey'}>{t(`incentives.rewardStatus.${status}`)}</Pill>;
}

/** One reward: what it is, who offers it in which alliance, its cost, places left and validity. */
export function RewardCard({ reward, actions, headingLevel = 3 }: { reward: RewardCardFieldsFragment; actions?: ReactNode; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const f = useFormatters();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="reward-card" aria-labelledby={`reward-${reward.id}`}>
      <div className="reward-card-head">
        <Heading id={`reward-${reward.id}`} className="reward-title">
          {reward.title}
        </Heading>
        <RewardStatusTag status={reward.status} />
      </div>
      <p className="reward-cost">{t('incentives.reward.cost', { count: reward.pointsCost })}</p>
      {reward.description ? <p className="description">{reward.description}</p> : null}
      <dl className="reward-facts">
        <div>
          <dt>{t('incentives.reward.merchant')}</dt>
          <dd>{show(reward.merchant)}</dd>
        </div>
        <div>
          <dt>{t('incentives.reward.alliance')}</dt>
          <dd>{show(reward.alliance)}</dd>
        </div>
        <div>
          <dt>{t('incentives.reward.stock')}</dt>
          <dd>{t('incentives.reward.left', { count: reward.stock })}</dd>
        </div>
        <div>
          <dt>{t('incentives.reward.validUntil')}</dt>
          <dd>{reward.validUntil ? f.date(reward.validUntil) : t('incentives.reward.noEnd')}</dd>
        </div>
      </dl>
      {actions ? <div className="reward-actions">{actions}</div> : null}
    </article>
  );
}
