import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { AddVolunteerForm } from '../AddVolunteerForm';
import { AddVolunteerToShiftMutation, FindVolunteerByPhoneQuery } from '../../api/add-volunteer';

const found = { request: { query: FindVolunteerByPhoneQuery, variables: { phone: '13800000001' } }, result: { data: { userByPhone: { __typename: 'User', id: 'u7', displayName: 'Wang Xiaoming', phone: '138****0001' } } } };
const add = (result: object) => ({ request: { query: AddVolunteerToShiftMutation, variables: { input: { shiftId: 's1', volunteerId: 'u7' } } }, result });

async function findAndConfirm() {
  await userEvent.type(screen.getByLabelText("The volunteer's mobile number"), '13800000001');
  await userEvent.click(screen.getByRole('button', { name: 'Find' }));
  expect(await screen.findByText('Found: Wang Xiaoming (138****0001)')).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Put Wang Xiaoming on this shift' }));
}

describe('AddVolunteerForm', () => {
  it('should find the person by phone, ask to confirm, then put them on the shift', async () => {
    const placed = add({ data: { addVolunteerToShift: { __typename: 'ShiftClaim', id: 'c1', status: 'CONFIRMED', volunteer: { __typename: 'User', id: 'u7', displayName: 'Wang Xiaoming' } } } });
    renderWithApp(<AddVolunteerForm shiftId="s1" label="Sat 9:00" />, { token: 't', mocks: [found, placed] });
    await findAndConfirm();
    expect(await screen.findByText('Wang Xiaoming has a place on this shift and has been told.')).toBeInTheDocument();
  });

  it("should say when the volunteer does not meet the task's conditions", async () => {
    const young = add({ errors: [new GraphQLError('This task is for volunteers aged 16 or over', { extensions: { code: 'FORBIDDEN', key: 'claim.tooYoung' } })] });
    renderWithApp(<AddVolunteerForm shiftId="s1" label="Sat 9:00" />, { token: 't', mocks: [found, young] });
    await findAndConfirm();
    expect(await screen.findByText('This task is for older volunteers: the minimum age is not reached on the day of the shift.')).toBeInTheDocument();
  });
});
