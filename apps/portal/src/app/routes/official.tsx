import { App } from 'antd';
import { OfficialQueue } from '../../features/officials/components/OfficialQueue';

export default function OfficialRoute() {
  return (
    // The desk asks before decisions through Ant Design's confirmation, which needs <App>.
    <App component={false}>
      <OfficialQueue />
    </App>
  );
}
