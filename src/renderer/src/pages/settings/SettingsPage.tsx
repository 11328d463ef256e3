// 设置: street office, communities (profiles, rosters), retention schedule, 档号 template, standards, backup.
import { Tabs } from 'antd';
import { BackupTab } from './BackupTab';
import { CodeTemplateTab } from './CodeTemplateTab';
import { CommunitiesTab } from './CommunitiesTab';
import { OfficeTab } from './OfficeTab';
import { RetentionTab } from './RetentionTab';
import { StandardsTab } from './StandardsTab';

export function SettingsPage(): React.JSX.Element {
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'office', label: '街道', children: <OfficeTab /> },
        { key: 'communities', label: '社区与人员', children: <CommunitiesTab /> },
        { key: 'retention', label: '保管期限表', children: <RetentionTab /> },
        { key: 'code', label: '档号规则', children: <CodeTemplateTab /> },
        { key: 'standards', label: '考评标准', children: <StandardsTab /> },
        { key: 'backup', label: '备份与恢复', children: <BackupTab /> },
      ]}
    />
  );
}
