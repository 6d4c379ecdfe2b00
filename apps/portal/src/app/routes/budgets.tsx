import { App } from 'antd';
import { BudgetsPage } from '../../features/budgets/components/BudgetsPage';

export default function BudgetsRoute() {
  return (
    <App component={false}>
      <BudgetsPage />
    </App>
  );
}
