import { useParams } from 'react-router';
import { OrganizationPage } from '../../features/organizations/components/OrganizationPage';
import { MerchantLinks } from '../../features/incentives/components/MerchantLinks';

export default function OrganizationRoute() {
  const { orgId } = useParams();
  return <OrganizationPage key={orgId} id={orgId!} panels={(org, role) => <MerchantLinks orgId={org.id} kind={org.kind} role={role} />} />;
}
