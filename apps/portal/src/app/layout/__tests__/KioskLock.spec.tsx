import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderWithApp } from '../../../../test/render';
import { KIOSK_LOCK_KEY } from '../../../features/kiosk/lock';
import { KioskLock } from '../KioskLock';

const pages = (
  <KioskLock>
    <Routes>
      <Route path="/kiosk/:shiftId" element={<h1>Kiosk</h1>} />
      <Route path="/orgs" element={<h1>My groups</h1>} />
    </Routes>
  </KioskLock>
);

describe('KioskLock', () => {
  afterEach(() => window.localStorage.removeItem(KIOSK_LOCK_KEY));

  it('should lead every other address back to the locked kiosk', async () => {
    window.localStorage.setItem(KIOSK_LOCK_KEY, 's1');
    renderWithApp(pages, { token: 't', route: '/orgs' });
    expect(await screen.findByRole('heading', { name: 'Kiosk' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'My groups' })).not.toBeInTheDocument();
  });

  it('should lift the lock once the tablet is signed out', async () => {
    window.localStorage.setItem(KIOSK_LOCK_KEY, 's1');
    renderWithApp(pages, { token: null, route: '/orgs' });
    expect(await screen.findByRole('heading', { name: 'My groups' })).toBeInTheDocument();
    expect(window.localStorage.getItem(KIOSK_LOCK_KEY)).toBeNull();
  });
});
