import { App } from 'antd';
import { MyShifts } from '../../features/my-shifts/components/MyShifts';

export default function MyShiftsRoute() {
  // antd's App gives the page its confirm dialogs and messages (kept out of the first load).
  return (
    <App component={false}>
      <MyShifts />
    </App>
  );
}
