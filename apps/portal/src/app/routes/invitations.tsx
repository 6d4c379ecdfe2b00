import { MyInvitations } from '../../features/invitations/components/MyInvitations';

export default function InvitationsRoute() {
  return <MyInvitations />;
}
