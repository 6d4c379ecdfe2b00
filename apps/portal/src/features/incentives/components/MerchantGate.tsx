import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MerchantQuery } from '../../../gql/graphql';
import { useDisplayName } from '../../../lib/i18n';
import { ErrorAlert, Loading, PageTitle } from '../../../lib/ui';
import { useMerchant } from '../api/merchant';
import { useMerchantRole } from '../hooks/membership';

export type Merchant = NonNullable<MerchantQuery['organization']>;

/**
 * The frame of the merchant's pages: the organisation, a way back to it, and the page only for
 * its members (`admin`: its ADMINs and OWNER), with a plain word for anyone else.
 */
export function MerchantGate({ orgId, title, admin, children }: { orgId: string; title: string; admin?: boolean; children(merchant: Merchant): ReactNode }) {
  const { t } = useTranslation();
  const show = useDisplayName();
  const { data, loading, error, refetch } = useMerchant(orgId);
  const role = useMerchantRole(orgId);
  const org = data?.organization;
  if ((!data && loading) || role.loading) return <Loading />;
  if (!org) return error ? <ErrorAlert error={error} onRetry={() => void refetch()} /> : <PageTitle>{t('org.notFound')}</PageTitle>;
  const allowed = admin ? role.admin : role.member;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/orgs/${org.id}`}>{show(org)}</Link>
      </p>
      <PageTitle title={`${title} · ${show(org)}`}>{title}</PageTitle>
      {allowed ? children(org) : <Alert type="warning" showIcon title={admin ? t('incentives.merchant.adminsOnly') : t('incentives.merchant.membersOnly')} />}
    </>
  );
}
