// 借阅: the lending register (借阅登记) and the log of files viewed in the app (利用记录).
import { Tabs } from 'antd';
import { navigate } from '../../hooks/useHashRoute';
import { LoansTab } from './LoansTab';
import { ViewsTab } from './ViewsTab';

export function LendingPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const tab = params.get('tab') === 'views' ? 'views' : 'loans';
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => navigate('/lending', key === 'views' ? { tab: 'views' } : {})}
      items={[
        { key: 'loans', label: '借阅登记', children: <LoansTab params={params} /> },
        { key: 'views', label: '利用记录（查看电子文件）', children: <ViewsTab /> },
      ]}
    />
  );
}
