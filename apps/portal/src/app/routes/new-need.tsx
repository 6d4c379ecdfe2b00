import { PublishNeedForm } from '../../features/needs/components/PublishNeedForm';

export default function NewNeedRoute() {
  return <PublishNeedForm />;
}
