import { Navigate, Route, Routes } from 'react-router';
import { NextShift } from './NextShift';
import { NearToday } from './NearToday';
import { AskForHelp } from './AskForHelp';

/** The screens behind the elder home's buttons, one thing each. */
export function ElderScreens() {
  return (
    <Routes>
      <Route path="next-shift" element={<NextShift />} />
      <Route path="today" element={<NearToday />} />
      <Route path="ask-for-help" element={<AskForHelp />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
