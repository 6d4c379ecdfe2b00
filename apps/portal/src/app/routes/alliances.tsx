import { AlliancesList } from '../../features/alliances/components/AlliancesList';

export default function AlliancesRoute() {
  return <AlliancesList />;
}
