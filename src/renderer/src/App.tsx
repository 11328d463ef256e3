// The shell: sign-in first where the archive has accounts, then the left navigation with the workflows
// the signed-in role may use, hash-routed pages, and who is signed in.
import {
  AuditOutlined,
  BarChartOutlined,
  ClockCircleOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  ImportOutlined,
  SendOutlined,
  ReadOutlined,
  InboxOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Layout, Menu, Spin, Typography } from 'antd';
import { lazy, memo, Suspense, useMemo, type ReactNode } from 'react';
import type { ApiMethod } from '../../shared/api';
import { FirstAdminNotice } from './components/account/FirstAdminNotice';
import { UserMenu } from './components/account/UserMenu';
import { ErrorAlert } from './components/ErrorAlert';
import { ArchiveProvider, useArchive } from './hooks/useArchive';
import { AuthProvider, useAuth, useCan } from './hooks/useAuth';
import { navigate, useHashRoute } from './hooks/useHashRoute';
import { useGlobalShortcuts } from './hooks/useShortcuts';
import { useConfirmLeave } from './hooks/useUnsaved';
import { RecordsPage } from './pages/records/RecordsPage';
import { SignInPage } from './pages/signin/SignInPage';

// Pages other than the records list load on first visit: the first paint parses only what it shows.
const AppraisalPage = lazy(() => import('./pages/appraisal/AppraisalPage').then((m) => ({ default: m.AppraisalPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage').then((m) => ({ default: m.AuditPage })));
const CheckPage = lazy(() => import('./pages/check/CheckPage').then((m) => ({ default: m.CheckPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const DistrictDashboardPage = lazy(() => import('./pages/district/DistrictDashboardPage').then((m) => ({ default: m.DistrictDashboardPage })));
const DistrictRecordsPage = lazy(() => import('./pages/district/DistrictRecordsPage').then((m) => ({ default: m.DistrictRecordsPage })));
const ReceivePage = lazy(() => import('./pages/district/ReceivePage').then((m) => ({ default: m.ReceivePage })));
const SummaryPage = lazy(() => import('./pages/district/SummaryPage').then((m) => ({ default: m.SummaryPage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage').then((m) => ({ default: m.ImportPage })));
const LendingPage = lazy(() => import('./pages/lending/LendingPage').then((m) => ({ default: m.LendingPage })));
const ReportPage = lazy(() => import('./pages/report/ReportPage').then((m) => ({ default: m.ReportPage })));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const TransferPage = lazy(() => import('./pages/transfer/TransferPage').then((m) => ({ default: m.TransferPage })));
const YearbookPage = lazy(() => import('./pages/yearbook/YearbookPage').then((m) => ({ default: m.YearbookPage })));

interface PageDef {
  path: string;
  label: string;
  icon: ReactNode;
  /** the method the page is for: shown only to a role that may call it */
  needs?: ApiMethod;
  render: (params: URLSearchParams) => React.JSX.Element;
}

const PAGES: PageDef[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, render: (p) => <DashboardPage params={p} /> },
  { path: '/records', label: '档案管理', icon: <FolderOpenOutlined />, render: (p) => <RecordsPage params={p} /> },
  { path: '/import', label: '数据导入', icon: <ImportOutlined />, needs: 'import.run', render: () => <ImportPage /> },
  { path: '/audit', label: '考评', icon: <AuditOutlined />, render: (p) => <AuditPage params={p} /> },
  { path: '/check', label: '档案检查', icon: <FileSearchOutlined />, needs: 'check.run', render: () => <CheckPage /> },
  { path: '/report', label: '报表', icon: <BarChartOutlined />, needs: 'report.build', render: () => <ReportPage /> },
  { path: '/appraisal', label: '鉴定', icon: <ClockCircleOutlined />, needs: 'appraisal.open', render: (p) => <AppraisalPage params={p} /> },
  { path: '/transfer', label: '移交', icon: <SendOutlined />, needs: 'transfer.build', render: () => <TransferPage /> },
  { path: '/lending', label: '借阅', icon: <ReadOutlined />, render: (p) => <LendingPage params={p} /> },
  { path: '/yearbook', label: '年报', icon: <FileTextOutlined />, render: () => <YearbookPage /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, render: (p) => <SettingsPage params={p} /> },
];

/** A district's archive (`init --district`): its street offices' packages, received and summed up. */
const DISTRICT_PAGES: PageDef[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, render: (p) => <DistrictDashboardPage params={p} /> },
  { path: '/records', label: '档案', icon: <FolderOpenOutlined />, render: (p) => <DistrictRecordsPage params={p} /> },
  { path: '/receive', label: '接收', icon: <InboxOutlined />, needs: 'district.receive', render: () => <ReceivePage /> },
  { path: '/check', label: '档案检查', icon: <FileSearchOutlined />, needs: 'check.run', render: () => <CheckPage /> },
  { path: '/report', label: '报表', icon: <BarChartOutlined />, needs: 'district.summary.build', render: () => <SummaryPage /> },
  { path: '/settings', label: '设置', icon: <SettingOutlined />, render: (p) => <SettingsPage params={p} /> },
];

export function App(): React.JSX.Element {
  return (
    <AuthProvider>
      <Gate />
    </AuthProvider>
  );
}

/** The sign-in page until someone is signed in (archives with accounts), then the archive. */
function Gate(): React.JSX.Element {
  const { status, error } = useAuth();
  if (status === 'loading') return <Spin fullscreen />;
  if (status === 'failed') {
    return (
      <div style={{ maxWidth: 640, margin: '80px auto' }}>
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (status === 'signin') return <SignInPage />;
  return (
    <ArchiveProvider>
      <Shell />
    </ArchiveProvider>
  );
}

/** Memoised: a filter change on a page (a new hash) must not re-render the menu. */
const Navigation = memo(function Navigation({ selected, pages }: { selected: string; pages: PageDef[] }): React.JSX.Element {
  const items = useMemo(() => pages.map((p) => ({ key: p.path, icon: p.icon, label: p.label })), [pages]);
  // a page with an unsaved form asks before it is left
  const confirmLeave = useConfirmLeave();
  return <Menu theme="dark" mode="inline" aria-label="主导航" selectedKeys={[selected]} onClick={(e) => confirmLeave(() => navigate(e.key))} items={items} />;
});

function Shell(): React.JSX.Element {
  const route = useHashRoute();
  const { info, error } = useArchive();
  const can = useCan();
  const district = info?.district ?? false;
  const pages = useMemo(() => (district ? DISTRICT_PAGES : PAGES).filter((p) => !p.needs || can(p.needs)), [can, district]);
  const page = pages.find((p) => p.path === route.path) ?? pages[0]!;
  useGlobalShortcuts();
  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider width={176} theme="dark">
        <div style={{ color: '#fff', padding: '16px 20px', fontSize: 18, fontWeight: 600, letterSpacing: 2 }}>三务档案</div>
        <Navigation selected={page.path} pages={pages} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 20 }}>
            {page.label}
          </Typography.Title>
          <span style={{ flex: 1 }} />
          <Typography.Text type="secondary">
            {info ? `${info.office?.name ?? '未设置街道'}${district ? ' · 区级档案库' : ''}${info.mode === 'browser' ? ' · 浏览器模式' : ''}` : ''}
          </Typography.Text>
          <UserMenu />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, overflow: 'auto' }}>
          <FirstAdminNotice />
          <ErrorAlert error={error} />
          <Suspense fallback={<Spin />}>{page.render(route.params)}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
