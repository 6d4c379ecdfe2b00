import { Organizations } from '../../features/organizations/components/Organizations';

export default function OrganizationsRoute() {
  return <Organizations />;
}
