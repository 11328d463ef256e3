// Backup (both modes) and restore (desktop only: it replaces the open archive).
import { CloudDownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import type { BackupResult } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { useArchive } from '../../hooks/useArchive';
import { useSave } from './useSave';

export function BackupTab(): React.JSX.Element {
  const { info, reload } = useArchive();
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const [restorePath, setRestorePath] = useState('');
  const { busy, error, save } = useSave();
  const desktop = info?.mode === 'desktop';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 720 }}>
      <ErrorAlert error={error} />
      <Card title="备份">
        <p>把数据库和全部附件打包成一个备份文件，保存在档案库的 backups 文件夹{desktop ? '' : '，并可下载到本机'}。</p>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy}
          onClick={() => save(async () => setBackup(await api.call('backup.create', {})), '备份完成')}>
          立即备份
        </Button>
        {backup && (
          <Alert
            style={{ marginTop: 12 }}
            type="success"
            showIcon
            title={<>已备份到 <code>{backup.path}</code></>}
            description={backup.download && <FileLink url={backup.download} style={{ padding: 0 }}>下载备份文件</FileLink>}
          />
        )}
      </Card>
      <Card title="恢复">
        {desktop ? (
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder="备份文件的完整路径" value={restorePath} onChange={(e) => setRestorePath(e.target.value)} />
            <Popconfirm title="恢复会用备份替换当前档案库（当前内容先自动备份）。继续？" okText="恢复" cancelText="取消"
              onConfirm={() => save(() => api.call('backup.restore', { path: restorePath }).then(reload), '已恢复')}>
              <Button danger disabled={!restorePath.trim()}>
                恢复
              </Button>
            </Popconfirm>
          </Space.Compact>
        ) : (
          <Alert type="info" showIcon title="浏览器模式不能恢复备份" description="请在桌面版的“设置 → 备份与恢复”中恢复，或在命令行运行 sanwu restore --db 档案库文件夹 备份文件。" />
        )}
      </Card>
    </Space>
  );
}
