import { LedgerAdmin } from '../../features/admin/components/LedgerAdmin';

export default function AdminLedgerRoute() {
  return <LedgerAdmin />;
}
