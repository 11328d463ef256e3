// 设置: street office, communities (profiles, rosters), retention schedule, 档号 template, standards,
// backup, 用户管理 (the tabs a role may not use are left out), and where the archive is kept (连接服务器).
import { Tabs } from 'antd';
import { useArchive } from '../../hooks/useArchive';
import { useCan } from '../../hooks/useAuth';
import { navigate } from '../../hooks/useHashRoute';
import { BackupTab } from './BackupTab';
import { CodeTemplateTab } from './CodeTemplateTab';
import { CommunitiesTab } from './CommunitiesTab';
import { ConnectionTab } from './ConnectionTab';
import { DistrictOfficesTab } from './DistrictOfficesTab';
import { OfficeTab } from './OfficeTab';
import { RetentionTab } from './RetentionTab';
import { StandardsTab } from './StandardsTab';
import { UsersTab } from './UsersTab';

/** The tab in the URL (#/settings?tab=communities), so a guide or an empty list can point to it. */
export function SettingsPage({ params }: { params?: URLSearchParams }): React.JSX.Element {
  const can = useCan();
  // a district keeps no records of its own: its settings are its name and its street offices
  const district = useArchive().info?.district ?? false;
  const own = [
    { key: 'communities', label: '社区与人员', children: <CommunitiesTab /> },
    { key: 'retention', label: '保管期限表', children: <RetentionTab /> },
    { key: 'code', label: '档号规则', children: <CodeTemplateTab /> },
    { key: 'standards', label: '考评标准', children: <StandardsTab /> },
  ];
  return (
    <Tabs
      destroyOnHidden
      activeKey={params?.get('tab') || 'office'}
      onChange={(tab) => navigate('/settings', { tab })}
      items={[
        { key: 'office', label: district ? '本单位' : '街道', children: <OfficeTab /> },
        ...(district ? [{ key: 'offices', label: '街道办事处', children: <DistrictOfficesTab /> }] : own),
        ...(can('backup.create') ? [{ key: 'backup', label: '备份与恢复', children: <BackupTab /> }] : []),
        ...(can('users.list') ? [{ key: 'users', label: '用户管理', children: <UsersTab /> }] : []),
        { key: 'server', label: '连接服务器', children: <ConnectionTab /> },
      ]}
    />
  );
}
