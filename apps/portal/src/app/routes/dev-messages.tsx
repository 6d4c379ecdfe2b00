import { DevMessages } from '../../features/admin/components/DevMessages';

export default function DevMessagesRoute() {
  return <DevMessages />;
}
