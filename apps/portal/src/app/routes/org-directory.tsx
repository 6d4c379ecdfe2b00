import { OrganizationDirectory } from '../../features/organizations/components/OrganizationDirectory';

export default function OrganizationDirectoryRoute() {
  return <OrganizationDirectory />;
}
