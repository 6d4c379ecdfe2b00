import { App } from 'antd';
import { Profile } from '../../features/profile/components/Profile';
import { MyHonours } from '../../features/certificates/components/MyHonours';

export default function ProfileRoute() {
  // antd's App gives the page its confirm dialogs and messages (kept out of the first load).
  return (
    <App component={false}>
      <Profile />
      <MyHonours />
    </App>
  );
}
