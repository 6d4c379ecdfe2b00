import { CreateOrganizationForm } from '../../features/organizations/components/CreateOrganizationForm';

export default function NewOrganizationRoute() {
  return <CreateOrganizationForm />;
}
