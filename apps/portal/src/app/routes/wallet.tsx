import { WalletPage } from '../../features/incentives/components/WalletPage';

export default function WalletRoute() {
  return <WalletPage />;
}
