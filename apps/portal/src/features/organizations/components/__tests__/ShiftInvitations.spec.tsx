import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { ShiftInvitations } from '../ShiftInvitations';

const person = (id: string, displayName: string) => ({ __typename: 'User' as const, id, displayName });
const invitation = (id: string, status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN', name: string, respondedAt: string | null) => ({
  __typename: 'Invitation' as const,
  id,
  status,
  createdAt: '2030-06-01T01:00:00.000Z',
  respondedAt,
  expiresAt: '2030-06-02T01:00:00.000Z',
  volunteer: person(`v-${id}`, name),
});

describe('ShiftInvitations', () => {
  it("should list each invited person with their answer and when they gave it", () => {
    const shift = {
      __typename: 'Shift' as const,
      id: 's1',
      invitations: [
        invitation('i1', 'ACCEPTED', 'Li Na', '2030-06-01T02:30:00.000Z'),
        invitation('i2', 'DECLINED', 'Zhang Wei', '2030-06-01T03:00:00.000Z'),
        invitation('i3', 'PENDING', 'Chen Jie', null),
        invitation('i4', 'EXPIRED', 'Wang Fang', null),
      ],
    };
    renderWithApp(<ShiftInvitations shift={shift} headingId="inv-s1" />, { token: 't' });
    const list = screen.getByRole('list', { name: 'Invitations sent (4)' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(4);
    // Times in the portal's zone (Asia/Shanghai).
    expect(rows[0]).toHaveTextContent(/Li Na\s*Accepted/);
    expect(rows[0]).toHaveTextContent(/answered .*10:30/);
    expect(rows[1]).toHaveTextContent(/Zhang Wei\s*Declined/);
    expect(rows[1]).toHaveTextContent(/answered .*11:00/);
    expect(rows[2]).toHaveTextContent(/Chen Jie\s*Waiting for an answer/);
    expect(rows[2]).toHaveTextContent(/answer by .*09:00/);
    expect(rows[2]).not.toHaveTextContent(/answered/);
    expect(rows[3]).toHaveTextContent(/Wang Fang\s*Expired unanswered/);
  });

  it('should say when no invitation was sent', () => {
    renderWithApp(<ShiftInvitations shift={{ id: 's2', invitations: [] }} headingId="inv-s2" />, { token: 't' });
    expect(screen.getByRole('heading', { name: 'Invitations sent (0)' })).toBeInTheDocument();
    expect(screen.getByText('No invitations sent for this shift yet.')).toBeInTheDocument();
  });
});
