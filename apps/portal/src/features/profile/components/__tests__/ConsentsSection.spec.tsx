import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { ConsentsSection } from '../ConsentsSection';
import { MyConsentsQuery } from '../../api/my-consents';

describe('ConsentsSection', () => {
  it('should list what the person agreed to: the notice version, the terms, the SMS choice and when', async () => {
    const mock = {
      request: { query: MyConsentsQuery },
      result: {
        data: {
          me: {
            __typename: 'User',
            id: 'u1',
            consents: [{ __typename: 'ConsentRecord', id: 'c1', privacyNoticeVersion: '2026-12-01', termsAccepted: true, contactBySms: false, recordedAt: '2026-12-01T02:30:00.000Z' }],
          },
        },
      },
    };
    renderWithApp(<ConsentsSection />, { token: 't', mocks: [mock] });
    expect(await screen.findByText('Privacy notice, version 2026-12-01')).toBeInTheDocument();
    expect(screen.getByText(/Terms of use accepted/)).toHaveTextContent('SMS about volunteering nearby: no');
    expect(screen.getByText(/^Given /)).toBeInTheDocument();
  });
});
