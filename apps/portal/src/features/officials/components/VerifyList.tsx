import { useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { regionLabel } from '../../../lib/regions';
import { ConfirmIrreversible, ErrorAlert, Loading, Pill, useListActionType, type Tone } from '../../../lib/ui';
import type { UnverifiedOrganizationsQuery } from '../../../gql/graphql';
import { useUnverifiedOrganizations } from '../api/unverified-organizations';
import { useVerifyOrganizationMutation } from '../api/verify-organization';
import { useRejectOrganizationMutation, useRequestOrganizationInfoMutation } from '../api/organization-review';
import { OrganizationDetailsDrawer } from './OrganizationDetailsDrawer';
import { ReviewNoteDialog } from './ReviewNoteDialog';

type Org = UnverifiedOrganizationsQuery['organizations']['edges'][number]['node'];

const TONE: Record<string, Tone> = { VERIFIED: 'green', REJECTED: 'red', INFO_REQUESTED: 'amber', PENDING: 'grey' };
/** An official may still decide while an organisation is pending or has been asked for more. */
const DECIDABLE = new Set(['PENDING', 'INFO_REQUESTED']);

/** One organisation on the desk: its details, and verify (confirmed), reject or ask for more (with words for the owner). */
function VerifyRow({ org, onDetails }: { org: Org; onDetails(id: string): void }) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const primary = useListActionType();
  const [verify, { loading: verifying }] = useVerifyOrganizationMutation();
  const [reject] = useRejectOrganizationMutation();
  const [askInfo] = useRequestOrganizationInfoMutation();
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const name = org.name;

  const onVerify = async () => {
    setError(null);
    setDone(null);
    try {
      await verify({ variables: { id: org.id } });
      setDone(t('officialDesk.verified', { name }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <li className="claim-row">
      <div className="desk-row-main">
        <Button type="link" className="record-title" onClick={() => onDetails(org.id)} aria-haspopup="dialog" aria-label={t('officialDesk.detailsOf', { name })}>
          {name}
        </Button>
        <Pill tone="blue">{labels.orgKind(org.kind)}</Pill>
        <span>{regionLabel(org.region, i18n.language)}</span>
        <Pill tone={TONE[org.verificationStatus] ?? 'grey'}>{t(`verificationStatus.${org.verificationStatus}`)}</Pill>
      </div>
      {org.review?.note && org.verificationStatus !== 'VERIFIED' ? <p className="hint">{t('officialDesk.noteShown', { note: org.review.note })}</p> : null}
      {org.review?.answer && org.verificationStatus === 'PENDING' ? <p className="hint">{t('officialDesk.answerShown', { answer: org.review.answer })}</p> : null}
      {DECIDABLE.has(org.verificationStatus) ? (
        <div className="button-row">
          <ConfirmIrreversible
            type={primary}
            loading={verifying}
            title={t('officialDesk.verifyConfirmTitle', { name })}
            consequence={t('officialDesk.verifyConfirmBody', { name })}
            confirmText={t('officialDesk.verifyYes')}
            onConfirm={onVerify}
          >
            {t('official.verify', { name })}
          </ConfirmIrreversible>
          <ReviewNoteDialog
            trigger={t('officialDesk.askInfo', { name })}
            title={t('officialDesk.askInfoTitle', { name })}
            label={t('officialDesk.askInfoLabel')}
            submit={t('officialDesk.askInfoSubmit')}
            onSubmit={async (message) => {
              setDone(null);
              await askInfo({ variables: { input: { organizationId: org.id, message } } });
              setDone(t('officialDesk.infoRequested', { name }));
            }}
          />
          <ReviewNoteDialog
            danger
            trigger={t('officialDesk.reject', { name })}
            title={t('officialDesk.rejectTitle', { name })}
            label={t('officialDesk.rejectLabel')}
            submit={t('officialDesk.rejectSubmit')}
            onSubmit={async (reason) => {
              setDone(null);
              await reject({ variables: { input: { organizationId: org.id, reason } } });
              setDone(t('officialDesk.rejected', { name }));
            }}
          />
        </div>
      ) : null}
      <div aria-live="polite">{done ? <p className="saved-note">{done}</p> : null}</div>
      <ErrorAlert error={error} />
    </li>
  );
}

/**
 * Organisations awaiting the official. A decided row stays, showing its new state, until
 * the desk is next opened: the official sees what they did instead of a row vanishing.
 */
export function VerifyList({ regionId }: { regionId?: string }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useUnverifiedOrganizations(regionId, false);
  const [details, setDetails] = useState<string | null>(null);
  const orgs = data?.organizations.edges ?? [];
  return (
    <>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={error ? () => void refetch() : undefined} />
      {data && orgs.length === 0 ? <p className="hint">{t('official.nothingToVerify')}</p> : null}
      <ul className="plain-list">
        {orgs.map(({ node }) => (
          <VerifyRow key={node.id} org={node} onDetails={setDetails} />
        ))}
      </ul>
      <OrganizationDetailsDrawer organizationId={details} onClose={() => setDetails(null)} />
    </>
  );
}
