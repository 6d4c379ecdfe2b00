import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// No pause between keystrokes: the form is large, and the test is about what is sent.
const user = userEvent.setup({ delay: null });
import { renderWithApp } from '../../../../../test/render';
import { EditTaskForm } from '../EditTaskForm';
import { UpdateTaskMutation } from '../../api/update-task';
import { RegionsQuery } from '../../../../lib/regions/regions.query';

const region = { __typename: 'Region' as const, id: 'g1', name: '第1网格', nameEn: 'Grid 1', parent: { __typename: 'Region' as const, id: 'c1', parent: null } };
const task = {
  id: 't1',
  title: 'Park clean-up',
  description: 'Bring gloves',
  category: 'ENVIRONMENT',
  requiredSkills: ['FIRST_AID'],
  skillsMandatory: false,
  minimumAge: 12,
  requiresApproval: false,
  requiresCheckInCode: true,
  region,
};
const regions = { request: { query: RegionsQuery, variables: { parentId: null } }, result: { data: { regions: [] } }, maxUsageCount: 5 };

describe('EditTaskForm', () => {
  it('should start from the task as it is and send every detail, an emptied description and age as cleared', async () => {
    const input = {
      id: 't1',
      title: 'Park clean-up, spring',
      category: 'ENVIRONMENT',
      description: null,
      regionId: 'g1',
      requiredSkills: ['FIRST_AID'],
      skillsMandatory: true,
      minimumAge: null,
      requiresApproval: false,
      requiresCheckInCode: true,
    };
    const saved = {
      request: { query: UpdateTaskMutation, variables: { input } },
      result: { data: { updateTask: { __typename: 'Task', ...task, ...input, description: null, minimumAge: null } } },
    };
    const onDone = jest.fn();
    renderWithApp(<EditTaskForm task={task} onDone={onDone} />, { token: 't', mocks: [regions, saved] });
    const title = screen.getByLabelText('Title');
    expect(title).toHaveValue('Park clean-up');
    expect(screen.getByLabelText('Minimum age (optional)')).toHaveValue('12');
    expect(screen.getByRole('checkbox', { name: 'Volunteers check in with a code' })).toBeChecked();
    await user.type(title, ', spring');
    await user.clear(screen.getByLabelText('Description'));
    await user.clear(screen.getByLabelText('Minimum age (optional)'));
    await user.click(screen.getByRole('checkbox', { name: 'Only volunteers with all these skills may claim' }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
