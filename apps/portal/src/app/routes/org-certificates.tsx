import { useParams } from 'react-router';
import { OrganizationCertificates } from '../../features/certificates/components/OrganizationCertificates';

export default function OrganizationCertificatesRoute() {
  const { orgId } = useParams();
  return <OrganizationCertificates key={orgId} organizationId={orgId!} />;
}
