import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderWithApp } from '../../../../../test/render';
import { DependantsSection } from '../DependantsSection';
import { AddDependantMutation } from '../../api/add-dependant';

/** A date some years before today (Shanghai), as YYYY-MM-DD. */
function yearsAgo(years: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const add = (displayName: string, birthDate: string, result: object) => ({ request: { query: AddDependantMutation, variables: { input: { displayName, birthDate } } }, result });

async function fill(name: string, birthDate: string) {
  await userEvent.type(screen.getByLabelText('Their name'), name);
  await userEvent.type(screen.getByLabelText('Birth date'), birthDate);
  await userEvent.click(screen.getByRole('button', { name: 'Add family member' }));
}

describe('DependantsSection', () => {
  it('should list the family members with their age', () => {
    renderWithApp(<DependantsSection dependants={[{ id: 'k1', displayName: 'Xiaoming', birthDate: yearsAgo(9) }]} />, { token: 't' });
    expect(screen.getByText('Xiaoming')).toBeInTheDocument();
    expect(screen.getByText('9 years old')).toBeInTheDocument();
  });

  it('should add a child, trimmed, and say so', async () => {
    const born = yearsAgo(7);
    const added = add('Xiaohong', born, { data: { addDependant: { __typename: 'User', id: 'k2', displayName: 'Xiaohong', birthDate: born } } });
    renderWithApp(<DependantsSection dependants={[]} />, { token: 't', mocks: [added] });
    expect(screen.getByText('No family members added yet.')).toBeInTheDocument();
    await fill('  Xiaohong ', born);
    expect(await screen.findByText('Xiaohong was added. You can now sign them up for shifts.')).toBeInTheDocument();
  });

  it('should refuse an adult before sending, at the birth date', async () => {
    renderWithApp(<DependantsSection dependants={[]} />, { token: 't' });
    await fill('Grown', yearsAgo(20));
    const message = await screen.findByText('Only children under 18 can be added; adults sign up themselves.');
    expect(screen.getByLabelText('Birth date').closest('.ant-form-item')).toContainElement(message);
  });

  it("should show the API's refusal at the field it names", async () => {
    const born = yearsAgo(5);
    const refused = add('Kid', born, { errors: [new GraphQLError('The birth date is in the future', { extensions: { code: 'BAD_USER_INPUT', field: 'birthDate', key: 'dependant.notBorn' } })] });
    renderWithApp(<DependantsSection dependants={[]} />, { token: 't', mocks: [refused] });
    await fill('Kid', born);
    const message = await screen.findByText('The birth date cannot be in the future.');
    expect(screen.getByLabelText('Birth date').closest('.ant-form-item')).toContainElement(message);
  });
});
