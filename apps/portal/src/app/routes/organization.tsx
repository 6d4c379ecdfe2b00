import { useParams } from 'react-router';
import { OrganizationPage } from '../../features/organizations/components/OrganizationPage';

export default function OrganizationRoute() {
  const { orgId } = useParams();
  return <OrganizationPage key={orgId} id={orgId!} />;
}
