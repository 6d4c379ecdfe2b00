import { App } from 'antd';
import { ElderScreens } from '../../features/elder/components/ElderScreens';

export default function ElderRoute() {
  return (
    <App component={false}>
      <ElderScreens />
    </App>
  );
}
