import { CreateAllianceForm } from '../../features/alliances/components/CreateAllianceForm';

export default function NewAllianceRoute() {
  return <CreateAllianceForm />;
}
