// The shell: left navigation with the seven workflows, hash-routed pages.
import {
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Typography } from 'antd';
import { memo, type ReactNode } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { ArchiveProvider, useArchive } from './hooks/useArchive';
import { navigate, useHashRoute } from './hooks/useHashRoute';
import { AuditPage } from './pages/audit/AuditPage';
import { CheckPage } from './pages/check/CheckPage';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { ImportPage } from './pages/import/ImportPage';
import { RecordsPage } from './pages/records/RecordsPage';
import { ReportPage } from './pages/report/ReportPage';
import { SettingsPage } from './pages/settings/SettingsPage';

interface PageDef {
  path: string;
  label: string;
  icon: ReactNode;
  render: (params: URLSearchParams) => React.JSX.Element;
}

const PAGES: PageDef[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, render: (p) => <DashboardPage params={p} /> },
  { path: '/records', label: '档案管理', icon: <FolderOpenOutlined />, render: (p) => <RecordsPage params={p} /> },
  { path: '/import', label: '数据导入', icon: <ImportOutlined />, render: () => <ImportPage /> },
  { path: '/audit', label: '考评', icon: <AuditOutlined />, render: (p) => <AuditPage params={p} /> },
  { path: '/check', label: '档案检查', icon: <FileSearchOutlined />, render: () => <CheckPage /> },
  { path: '/report', label: '报表', icon: <BarChartOutlined />, render: () => <ReportPage /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, render: () => <SettingsPage /> },
];

export function App(): React.JSX.Element {
  return (
    <ArchiveProvider>
      <Shell />
    </ArchiveProvider>
  );
}

const MENU_ITEMS = PAGES.map((p) => ({ key: p.path, icon: p.icon, label: p.label }));

/** Memoised: a filter change on a page (a new hash) must not re-render the menu. */
const Navigation = memo(function Navigation({ selected }: { selected: string }): React.JSX.Element {
  return <Menu theme="dark" mode="inline" selectedKeys={[selected]} onClick={(e) => navigate(e.key)} items={MENU_ITEMS} />;
});

function Shell(): React.JSX.Element {
  const route = useHashRoute();
  const { info, error } = useArchive();
  const page = PAGES.find((p) => p.path === route.path) ?? PAGES[0]!;
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={176} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>三务档案</div>
        <Navigation selected={page.path} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {page.label}
          </Typography.Title>
          <span style={{ flex: 1 }} />
          <Typography.Text type="secondary">
            {info ? `${info.office?.name ?? '未设置街道'}${info.mode === 'browser' ? ' · 浏览器模式' : ''}` : ''}
          </Typography.Text>
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <ErrorAlert error={error} />
          {page.render(route.params)}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
