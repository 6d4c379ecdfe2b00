import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { merchantAccess } from '../hooks/membership';

/** On a merchant's page, for its members: the counter, and for its admins the rewards, redemptions and settlement. */
export function MerchantLinks({ orgId, kind, role }: { orgId: string; kind: string; role: string | null | undefined }) {
  const { t } = useTranslation();
  const { member, admin } = merchantAccess(role);
  if (kind !== 'MERCHANT' || !member) return null;
  return (
    <section className="panel" aria-labelledby="org-merchant">
      <h2 id="org-merchant">{t('incentives.merchant.title')}</h2>
      <p className="hint">{t('incentives.merchant.lead')}</p>
      <ul className="link-list">
        <li>
          <Link to={`/orgs/${orgId}/counter`}>{t('incentives.counter.title')}</Link>
        </li>
        {admin ? (
          <>
            <li>
              <Link to={`/orgs/${orgId}/rewards`}>{t('incentives.manage.title')}</Link>
            </li>
            <li>
              <Link to={`/orgs/${orgId}/redemptions`}>{t('incentives.redemptions.title')}</Link>
            </li>
            <li>
              <Link to={`/orgs/${orgId}/settlement`}>{t('incentives.settlement.title')}</Link>
            </li>
          </>
        ) : null}
      </ul>
    </section>
  );
}
