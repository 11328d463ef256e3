// 备份与恢复 (管理员): back up now; restore — choose a backup kept in the archive's backups folder or
// upload one, check it completely (nothing changes), confirm, and watch it restore. The same in the
// desktop app and in browser mode (the desktop may also name a file anywhere on the computer).
import { CloudDownloadOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Progress, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type { BackupCheckInfo, BackupResult, StoredBackupInfo } from '../../../../shared/api';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { ProgressModal } from '../../components/ProgressModal';
import { formatBytes, formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { useLongTask } from '../../hooks/useLongTask';
import { uploadBackup } from './uploadBackup';
import { useSave } from './useSave';

export function BackupTab(): React.JSX.Element {
  const { info } = useArchive();
  const [backup, setBackup] = useState<BackupResult | null>(null);
  const { busy, error, save } = useSave();
  const desktop = info?.mode === 'desktop';
  const stored = useApi('backup.list', {});

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <ErrorAlert error={error} />
      <Card title="备份">
        <p>把数据库和全部附件打包成一个备份文件，保存在档案库的备份文件夹{desktop ? '' : '，并可下载到本机'}。</p>
        <Button
          type="primary"
          icon={<CloudDownloadOutlined />}
          loading={busy}
          onClick={() =>
            save(async () => {
              setBackup(await api.call('backup.create', {}));
              stored.reload();
            }, '备份完成')
          }
        >
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
      <RestoreCard backups={stored.data ?? []} loading={stored.loading} error={stored.error} onListChanged={stored.reload} desktop={desktop} />
    </Space>
  );
}

/** The backup restoring makes of the archive it replaces is named by the engine (before-restore-…): said in Chinese. */
const backupName = (b: StoredBackupInfo): string => (b.name.startsWith('before-restore-') ? `恢复前自动备份（${formatDate(b.modifiedAt)}）` : b.name);

function RestoreCard({ backups, loading, error, onListChanged, desktop }: { backups: StoredBackupInfo[]; loading: boolean; error: unknown; onListChanged: () => void; desktop: boolean }): React.JSX.Element {
  const { modal, message } = App.useApp();
  const [chosen, setChosen] = useState<string | null>(null);
  const [checked, setChecked] = useState<BackupCheckInfo | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [path, setPath] = useState('');
  const verify = useLongTask('backup.verify');
  const restore = useLongTask('backup.restoreStored');
  const restorePath = useLongTask('backup.restore');

  const choose = (name: string): void => {
    setChosen(name);
    setChecked(null);
    verify.reset();
  };
  const check = async (name: string): Promise<void> => {
    choose(name);
    const result = await verify.run({ name });
    if (result) setChecked(result);
  };
  const upload = async (file: File): Promise<void> => {
    setUploadError(null);
    setUploading(0);
    try {
      const name = await uploadBackup(file, setUploading);
      onListChanged();
      await check(name);
    } catch (e) {
      setUploadError(e);
    } finally {
      setUploading(null);
    }
  };
  const restored = (): void => {
    // the restored archive has its own accounts and contents: the page starts afresh
    message.success('已恢复。页面将重新载入，请重新登录（如档案库有账号）。', 3);
    setTimeout(() => window.location.reload(), 1500);
  };
  const confirmRestore = (c: BackupCheckInfo): void => {
    modal.confirm({
      title: '用这个备份替换当前档案库？',
      content: `将恢复到 ${formatDate(c.createdAt)} 的备份（${c.office ?? '未设置街道'}，附件 ${c.attachments} 个）。恢复前会先把当前档案库完整备份到备份文件夹；恢复后，之后的修改都不在其中。`,
      okText: '确认恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        if (await restore.run({ name: c.name, confirm: true })) restored();
      },
    });
  };

  return (
    <Card title="恢复" data-testid="restore-card">
      <ErrorAlert error={error ?? uploadError ?? verify.error ?? restore.error ?? restorePath.error} />
      <p>从备份恢复会替换当前档案库。先选择（或上传）一个备份，检查通过后再确认恢复；恢复前会自动备份当前档案库。</p>
      <Space style={{ marginBottom: 12 }} wrap>
        <Upload
          accept=".tar"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={uploading !== null}>
            上传备份文件（.tar）
          </Button>
        </Upload>
        {uploading !== null && <Progress percent={uploading} size="small" style={{ width: 200 }} aria-label="上传进度" />}
      </Space>
      <Table<StoredBackupInfo>
        size="small"
        rowKey="name"
        loading={loading}
        dataSource={backups}
        pagination={false}
        scroll={{ y: 280 }}
        rowSelection={{ type: 'radio', selectedRowKeys: chosen ? [chosen] : [], onChange: (keys) => choose(String(keys[0])), columnTitle: '选择', columnWidth: 64 }}
        locale={{ emptyText: <EmptyState title="备份文件夹里还没有备份" hint="点上面的“立即备份”，或上传一个备份文件。" /> }}
        columns={[
          { title: '备份文件', dataIndex: 'name', ellipsis: true, render: (name: string, b) => <span title={name}>{backupName(b)}</span> },
          { title: '大小', dataIndex: 'size', width: 100, align: 'right', render: formatBytes },
          { title: '保存时间', dataIndex: 'modifiedAt', width: 190, render: formatDate },
          {
            title: '操作',
            width: 110,
            render: (_: unknown, b) => (
              <Button size="small" icon={<SafetyCertificateOutlined />} onClick={() => void check(b.name)}>
                检查
              </Button>
            ),
          },
        ]}
      />
      {checked && checked.name === chosen && (
        <div data-testid="backup-check" style={{ marginTop: 16 }}>
          <Alert type="success" showIcon title={`备份完好：${backupName(checked)}`} description="已逐个核对文件的 SHA-256、数据库完整性和操作日志（含锚点签名），可以恢复。" style={{ marginBottom: 12 }} />
          {checked.notices.map((n) => (
            <Alert key={n} type="info" showIcon title={n} style={{ marginBottom: 12 }} />
          ))}
          <Descriptions
            size="small"
            bordered
            column={2}
            items={[
              { key: 'office', label: '街道', children: checked.office ?? '未设置' },
              { key: 'at', label: '备份时间', children: formatDate(checked.createdAt) },
              { key: 'files', label: '附件', children: `${checked.attachments} 个` },
              { key: 'size', label: '大小', children: formatBytes(checked.size) },
            ]}
          />
          <Button danger type="primary" style={{ marginTop: 12 }} onClick={() => confirmRestore(checked)}>
            恢复这个备份
          </Button>
        </div>
      )}
      {desktop && (
        <div style={{ marginTop: 16 }}>
          <div style={{ marginBottom: 8 }}>或者恢复本机其他位置的备份文件（先检查，再替换）：</div>
          <Space.Compact style={{ width: '100%' }}>
            <Input placeholder="备份文件的完整路径" aria-label="备份文件的完整路径" value={path} onChange={(e) => setPath(e.target.value)} />
            <Button
              danger
              disabled={!path.trim()}
              onClick={() =>
                modal.confirm({
                  title: '用这个备份替换当前档案库？',
                  content: '先完整检查备份，通过后替换当前档案库（当前内容先自动备份）。',
                  okText: '确认恢复',
                  okButtonProps: { danger: true },
                  cancelText: '取消',
                  onOk: async () => {
                    if (await restorePath.run({ path })) restored();
                  },
                })
              }
            >
              恢复
            </Button>
          </Space.Compact>
        </div>
      )}
      <ProgressModal open={verify.running} title="正在检查备份" progress={verify.progress} onCancel={verify.cancel} />
      <ProgressModal open={restore.running || restorePath.running} title="正在恢复" progress={restore.progress ?? restorePath.progress} onCancel={restore.running ? restore.cancel : restorePath.cancel} />
    </Card>
  );
}
