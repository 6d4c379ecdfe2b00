import { Residents } from '../../features/residents/components/Residents';

export default function ResidentsRoute() {
  return <Residents />;
}
