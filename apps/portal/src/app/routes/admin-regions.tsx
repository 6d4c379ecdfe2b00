import { RegionsAdmin } from '../../features/admin/components/RegionsAdmin';

export default function AdminRegionsRoute() {
  return <RegionsAdmin />;
}
