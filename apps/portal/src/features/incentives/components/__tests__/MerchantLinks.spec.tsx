import { screen } from '@testing-library/react';
import { renderWithApp } from '../../../../../test/render';
import { MerchantLinks } from '../MerchantLinks';

describe('MerchantLinks', () => {
  it('should lead a merchant’s admin to the counter, rewards, redemptions and settlement', async () => {
    renderWithApp(<MerchantLinks orgId="m1" kind="MERCHANT" role="ADMIN" />);
    expect(await screen.findByRole('link', { name: 'Counter' })).toHaveAttribute('href', '/orgs/m1/counter');
    expect(screen.getByRole('link', { name: 'Rewards offered' })).toHaveAttribute('href', '/orgs/m1/rewards');
    expect(screen.getByRole('link', { name: 'Redemptions' })).toHaveAttribute('href', '/orgs/m1/redemptions');
    expect(screen.getByRole('link', { name: 'Monthly settlement' })).toHaveAttribute('href', '/orgs/m1/settlement');
  });

  it('should lead other members to the counter only', async () => {
    renderWithApp(<MerchantLinks orgId="m1" kind="MERCHANT" role="MEMBER" />);
    expect(await screen.findByRole('link', { name: 'Counter' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Monthly settlement' })).not.toBeInTheDocument();
  });

  it('should show nothing for other kinds of organisation or for non-members', () => {
    const { container, rerender } = renderWithApp(<MerchantLinks orgId="o1" kind="NGO" role="OWNER" />);
    expect(container).toBeEmptyDOMElement();
    rerender(<MerchantLinks orgId="m1" kind="MERCHANT" role={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
