import { useParams } from 'react-router';
import { useSession } from '../../lib/auth';
import { AlliancePage } from '../../features/alliances/components/AlliancePage';
import { SettlementRatePanel } from '../../features/incentives/components/SettlementRatePanel';

export default function AllianceRoute() {
  const { id } = useParams();
  const { me } = useSession();
  // The rate is set by the steward's admins, or an official in scope (the API decides which).
  const official = me?.role === 'OFFICIAL' || me?.role === 'ADMIN';
  return <AlliancePage key={id} id={id!} panels={(alliance, { steward }) => (steward || official ? <SettlementRatePanel allianceId={alliance.id} /> : null)} />;
}
