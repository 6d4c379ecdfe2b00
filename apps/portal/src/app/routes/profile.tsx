import { App } from 'antd';
import { Profile } from '../../features/profile/components/Profile';

export default function ProfileRoute() {
  // antd's App gives the page its confirm dialogs and messages (kept out of the first load).
  return (
    <App component={false}>
      <Profile />
    </App>
  );
}
