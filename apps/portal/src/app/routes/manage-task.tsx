import { useCallback } from 'react';
import { useParams } from 'react-router';
import { ManageTask } from '../../features/organizations/components/ManageTask';
import { ClaimantCardExtra } from '../../features/organizations/components/ClaimantProfile';
import { AwardHonourForm } from '../../features/certificates/components/AwardHonourForm';

export default function ManageTaskRoute() {
  const { orgId, taskId } = useParams();
  // A volunteer's card, opened from a claim, offers the organisation's admins to award an honour.
  const award = useCallback((card: { volunteerId: string; displayName: string }) => <AwardHonourForm userId={card.volunteerId} name={card.displayName} organizationId={orgId} />, [orgId]);
  return (
    <ClaimantCardExtra.Provider value={award}>
      <ManageTask key={taskId} organizationId={orgId!} taskId={taskId!} />
    </ClaimantCardExtra.Provider>
  );
}
