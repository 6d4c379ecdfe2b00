import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { MatchReasons } from '../../../lib/matching';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useRecommendedVolunteers } from '../api/recommended-volunteers';
import { useInviteVolunteerMutation } from '../api/invite-volunteer';

function InviteButton({ shiftId, volunteerId, name }: { shiftId: string; volunteerId: string; name: string }) {
  const { t } = useTranslation();
  const [invite, { loading }] = useInviteVolunteerMutation();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <div aria-live="polite">{done ? <span className="saved-note">{t('recommend.invited', { name })}</span> : null}</div>
      {!done ? (
        <Button
          loading={loading}
          onClick={async () => {
            setError(null);
            try {
              await invite({ variables: { input: { shiftId, volunteerId } } });
              setDone(true);
            } catch (e) {
              setError(e);
            }
          }}
        >
          {t('recommend.invite', { name })}
        </Button>
      ) : null}
      <ErrorAlert error={error} />
    </>
  );
}

/** Who would suit this shift, best first, with reasons; opened on demand (it is a costly query). */
export function RecommendedVolunteers({ shiftId, label }: { shiftId: string; label: string }) {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  const { data, loading, error, refetch } = useRecommendedVolunteers(shiftId, !show);
  if (!show)
    return (
      <Button onClick={() => setShow(true)} aria-label={t('recommend.showFor', { label })}>
        {t('recommend.show')}
      </Button>
    );
  const list = data?.recommendedVolunteers ?? [];
  return (
    <div className="recommend-block">
      <h3>{t('recommend.volunteersTitle')}</h3>
      <p className="hint">{t('autoFill.rule')}</p>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {data && list.length === 0 ? <p className="hint">{t('recommend.noVolunteers')}</p> : null}
      <ul className="plain-list">
        {list.map((r) => (
          <li key={r.volunteer.id} className="claim-row">
            <div className="claim-row-main">
              <strong>{r.volunteer.displayName}</strong>
            </div>
            <MatchReasons score={r.score} reasons={r.reasons} />
            <InviteButton shiftId={shiftId} volunteerId={r.volunteer.id} name={r.volunteer.displayName} />
          </li>
        ))}
      </ul>
    </div>
  );
}
