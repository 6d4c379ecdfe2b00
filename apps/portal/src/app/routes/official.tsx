import { OfficialQueue } from '../../features/officials/components/OfficialQueue';

export default function OfficialRoute() {
  return <OfficialQueue />;
}
