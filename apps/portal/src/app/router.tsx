import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '../lib/ui';
import { AppShell } from './layout/AppShell';
import { RequireAuth } from './layout/RequireAuth';
import { KioskLayout } from './layout/KioskLayout';
import { KioskLock } from './layout/KioskLock';

// One chunk per page, so the first load carries only the page asked for.
const BoardRoute = lazy(() => import('./routes/board'));
const TaskRoute = lazy(() => import('./routes/task'));
const SignInRoute = lazy(() => import('./routes/sign-in'));
const SignUpRoute = lazy(() => import('./routes/sign-up'));
const ForgotPasswordRoute = lazy(() => import('./routes/forgot-password'));
const MyShiftsRoute = lazy(() => import('./routes/my-shifts'));
const ProfileRoute = lazy(() => import('./routes/profile'));
const ResidentsRoute = lazy(() => import('./routes/residents'));
const OrganizationsRoute = lazy(() => import('./routes/organizations'));
const NewOrganizationRoute = lazy(() => import('./routes/new-organization'));
const OrganizationRoute = lazy(() => import('./routes/organization'));
const NewTaskRoute = lazy(() => import('./routes/new-task'));
const ManageTaskRoute = lazy(() => import('./routes/manage-task'));
const OrganizationDirectoryRoute = lazy(() => import('./routes/org-directory'));
const OfficialRoute = lazy(() => import('./routes/official'));
const AlliancesRoute = lazy(() => import('./routes/alliances'));
const AllianceRoute = lazy(() => import('./routes/alliance'));
const NewAllianceRoute = lazy(() => import('./routes/new-alliance'));
const NeedsRoute = lazy(() => import('./routes/needs'));
const NeedRoute = lazy(() => import('./routes/need'));
const NewNeedRoute = lazy(() => import('./routes/new-need'));
const InvitationsRoute = lazy(() => import('./routes/invitations'));
const NotificationsRoute = lazy(() => import('./routes/notifications'));
const DevMessagesRoute = lazy(() => import('./routes/dev-messages'));
const AdminRegionsRoute = lazy(() => import('./routes/admin-regions'));
const AdminLedgerRoute = lazy(() => import('./routes/admin-ledger'));
const NotFoundRoute = lazy(() => import('./routes/not-found'));
const ShiftCheckInRoute = lazy(() => import('./routes/shift-check-in'));
const CheckInRoute = lazy(() => import('./routes/check-in'));
const KioskRoute = lazy(() => import('./routes/kiosk'));
const ElderRoute = lazy(() => import('./routes/elder'));
const BudgetsRoute = lazy(() => import('./routes/budgets'));
const IncentivesRoute = lazy(() => import('./routes/incentives'));
const CertificatesRoute = lazy(() => import('./routes/certificates'));
const OrganizationCertificatesRoute = lazy(() => import('./routes/org-certificates'));
const VerifyRoute = lazy(() => import('./routes/verify'));
const WalletRoute = lazy(() => import('./routes/wallet'));
const RewardsRoute = lazy(() => import('./routes/rewards'));
const MerchantCounterRoute = lazy(() => import('./routes/merchant-counter'));
const MerchantRewardsRoute = lazy(() => import('./routes/merchant-rewards'));
const MerchantRedemptionsRoute = lazy(() => import('./routes/merchant-redemptions'));
const MerchantSettlementRoute = lazy(() => import('./routes/merchant-settlement'));

/** The portal's pages, inside the app's header and navigation. */
function ShellRoutes() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<BoardRoute />} />
          <Route path="/tasks/:id" element={<TaskRoute />} />
          <Route path="/signin" element={<SignInRoute />} />
          <Route path="/signup" element={<SignUpRoute />} />
          <Route path="/forgot-password" element={<ForgotPasswordRoute />} />
          <Route path="/needs" element={<NeedsRoute />} />
          <Route path="/needs/:id" element={<NeedRoute />} />
          <Route path="/alliances" element={<AlliancesRoute />} />
          <Route path="/alliances/:id" element={<AllianceRoute />} />
          <Route path="/incentives" element={<IncentivesRoute />} />
          <Route path="/verify" element={<VerifyRoute />} />
          <Route path="/verify/:serial" element={<VerifyRoute />} />
          <Route path="/rewards" element={<RewardsRoute />} />
          <Route element={<RequireAuth />}>
            <Route path="/my-shifts" element={<MyShiftsRoute />} />
            <Route path="/profile" element={<ProfileRoute />} />
            <Route path="/residents" element={<ResidentsRoute />} />
            <Route path="/orgs" element={<OrganizationsRoute />} />
            <Route path="/orgs/new" element={<NewOrganizationRoute />} />
            <Route path="/orgs/directory" element={<OrganizationDirectoryRoute />} />
            <Route path="/official" element={<OfficialRoute />} />
            <Route path="/alliances/new" element={<NewAllianceRoute />} />
            <Route path="/needs/new" element={<NewNeedRoute />} />
            <Route path="/invitations" element={<InvitationsRoute />} />
            <Route path="/notifications" element={<NotificationsRoute />} />
            <Route path="/admin/dev-messages" element={<DevMessagesRoute />} />
            <Route path="/admin/regions" element={<AdminRegionsRoute />} />
            <Route path="/admin/ledger" element={<AdminLedgerRoute />} />
            <Route path="/orgs/:orgId" element={<OrganizationRoute />} />
            <Route path="/orgs/:orgId/tasks/new" element={<NewTaskRoute />} />
            <Route path="/orgs/:orgId/tasks/:taskId" element={<ManageTaskRoute />} />
            <Route path="/orgs/:orgId/tasks/:taskId/shifts/:shiftId" element={<ShiftCheckInRoute />} />
            <Route path="/check-in/:shiftId" element={<CheckInRoute />} />
            <Route path="/elder/*" element={<ElderRoute />} />
            <Route path="/official/budgets" element={<BudgetsRoute />} />
            <Route path="/certificates" element={<CertificatesRoute />} />
            <Route path="/orgs/:orgId/certificates" element={<OrganizationCertificatesRoute />} />
            <Route path="/wallet" element={<WalletRoute />} />
            <Route path="/orgs/:orgId/counter" element={<MerchantCounterRoute />} />
            <Route path="/orgs/:orgId/rewards" element={<MerchantRewardsRoute />} />
            <Route path="/orgs/:orgId/redemptions" element={<MerchantRedemptionsRoute />} />
            <Route path="/orgs/:orgId/settlement" element={<MerchantSettlementRoute />} />
          </Route>
          <Route path="*" element={<NotFoundRoute />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}

export function AppRoutes() {
  return (
    <KioskLock>
      <Routes>
        {/* Kiosk mode: full screen, without the shell's navigation. */}
        <Route element={<RequireAuth />}>
          <Route
            path="/kiosk/:shiftId"
            element={
              <KioskLayout>
                <Suspense fallback={<Loading />}>
                  <KioskRoute />
                </Suspense>
              </KioskLayout>
            }
          />
        </Route>
        <Route path="*" element={<ShellRoutes />} />
      </Routes>
    </KioskLock>
  );
}
