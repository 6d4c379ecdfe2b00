import { Drawer } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../../lib/catalog';
import { useFormatters } from '../../../lib/time';
import { ErrorAlert, Loading } from '../../../lib/ui';
import { useDeskOrganizationDetails } from '../api/organization-review';

/**
 * What an official judges an organisation by, without leaving the desk: what it does, its
 * registration number, who is in it and how to reach its owner (a read the API audits).
 */
export function OrganizationDetailsDrawer({ organizationId, onClose }: { organizationId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const f = useFormatters();
  const { data, loading, error, refetch } = useDeskOrganizationDetails(organizationId);
  const org = data?.organization;
  return (
    <Drawer open={!!organizationId} onClose={onClose} title={org?.name ?? t('officialDesk.details')} size="large" destroyOnHidden>
      {!data && loading ? <Loading /> : null}
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      {org ? (
        <>
          <dl className="facts">
            <div>
              <dt>{t('officialDesk.kind')}</dt>
              <dd>{labels.orgKind(org.kind)}</dd>
            </div>
            <div>
              <dt>{t('officialDesk.status')}</dt>
              <dd>{t(`verificationStatus.${org.verificationStatus}`)}</dd>
            </div>
            <div>
              <dt>{t('officialDesk.registered')}</dt>
              <dd>{f.date(org.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('officialDesk.registrationNumber')}</dt>
              <dd>{org.registrationNumber ?? t('officialDesk.noRegistrationNumber')}</dd>
            </div>
            <div>
              <dt>{t('officialDesk.owner')}</dt>
              <dd>
                {org.ownerContact ? (
                  <>
                    {org.ownerContact.displayName}
                    {org.ownerContact.phone ? (
                      <>
                        {' · '}
                        <a href={`tel:${org.ownerContact.phone}`}>{org.ownerContact.phone}</a>
                      </>
                    ) : null}
                  </>
                ) : (
                  t('officialDesk.noOwner')
                )}
              </dd>
            </div>
          </dl>
          <h3>{t('officialDesk.description')}</h3>
          <p className="description">{org.description ?? t('officialDesk.noDescription')}</p>
          {org.review?.note ? (
            <>
              <h3>{t('officialDesk.lastNote')}</h3>
              <p>{org.review.note}</p>
            </>
          ) : null}
          {org.review?.answer ? (
            <>
              <h3>{t('officialDesk.answer')}</h3>
              <p>{org.review.answer}</p>
            </>
          ) : null}
          <h3>{t('officialDesk.members', { count: org.members.totalCount })}</h3>
          <ul className="plain-list">
            {org.members.edges.map(({ node }) => (
              <li key={node.id}>
                {node.user.displayName} <span className="hint">{labels.role(node.role)}</span>
              </li>
            ))}
          </ul>
          <Link to={`/orgs/${org.id}?from=desk`}>{t('officialDesk.openPage')}</Link>
        </>
      ) : null}
    </Drawer>
  );
}
