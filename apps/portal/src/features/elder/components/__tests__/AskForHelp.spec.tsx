import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../../../test/render';
import { AskForHelp } from '../AskForHelp';
import { ElderAskForHelpMutation } from '../../api/ask-for-help';
import { ElderHomePlaceQuery } from '../../api/near-today';

const place = (home: boolean) => ({
  request: { query: ElderHomePlaceQuery },
  result: { data: { me: { __typename: 'User', id: 'u1', homeRegion: home ? { __typename: 'Region', id: 'g1', level: 'GRID', parent: { __typename: 'Region', id: 'c1' } } : null } } },
  maxUsageCount: 5,
});

describe('AskForHelp', () => {
  it('should publish a need in the home grid from two plain questions', async () => {
    let sent: unknown;
    const publish = {
      request: { query: ElderAskForHelpMutation, variables: (v: unknown) => ((sent = v), true) },
      result: { data: { publishNeed: { __typename: 'Need', id: 'n1', title: 'Change a light bulb', status: 'OPEN' } } },
    };
    renderWithApp(<AskForHelp />, { token: 't', elder: true, mocks: [place(true), publish] });
    await userEvent.type(await screen.findByLabelText('What do you need help with?'), ' Change a light bulb ');
    await userEvent.type(screen.getByLabelText('Tell us a little more'), 'The kitchen light, I cannot reach it.');
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Sent. Your neighbours can see it now.')).toBeInTheDocument();
    expect(sent).toEqual({ input: { title: 'Change a light bulb', description: 'The kitchen light, I cannot reach it.', category: 'ELDER_CARE', regionId: 'g1' } });
  });

  it('should say what is missing in plain words and send nothing', async () => {
    renderWithApp(<AskForHelp />, { token: 't', elder: true, mocks: [place(true)] });
    await userEvent.click(await screen.findByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Please say what you need help with')).toBeInTheDocument();
    expect(screen.getByText('Please tell us a little more')).toBeInTheDocument();
  });

  it('should ask for the home first when it is not known', async () => {
    renderWithApp(<AskForHelp />, { token: 't', elder: true, mocks: [place(false)] });
    expect(await screen.findByText(/We need to know where you live/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Tell us where you live' })).toHaveAttribute('href', '/profile');
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
  });
});
