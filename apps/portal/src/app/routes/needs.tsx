import { NeedsBoard } from '../../features/needs/components/NeedsBoard';

export default function NeedsRoute() {
  return <NeedsBoard />;
}
