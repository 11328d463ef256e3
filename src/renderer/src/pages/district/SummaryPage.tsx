// 报表 of a district: the year's summary of its street offices (汇总表.xlsx and the GB/T 9704 report),
// with progress and cancel; then download it (browser mode) or open its folder (desktop).
import { DownloadOutlined, FileZipOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { PlainList } from '../../components/PlainList';
import { useWorkingYear, YearSelect } from '../../components/Pickers';
import { ProgressModal } from '../../components/ProgressModal';
import { useArchive } from '../../hooks/useArchive';
import { useLongTask } from '../../hooks/useLongTask';
import { ReportSettingsForm } from '../report/ReportSettingsForm';

export function SummaryPage(): React.JSX.Element {
  const { info } = useArchive();
  const working = useWorkingYear();
  const [chosen, setYear] = useState<number | undefined>();
  const year = chosen ?? working;
  const [openError, setOpenError] = useState<unknown>(null);
  const task = useLongTask('district.summary.build');
  const r = task.result;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="全区年度汇总">
        <Space wrap>
          <YearSelect value={year} onChange={setYear} />
          <Button type="primary" icon={<FileZipOutlined />} disabled={!year || task.running} onClick={() => year && void task.run({ year })}>
            生成全区汇总
          </Button>
        </Space>
        <p style={{ color: '#595959', marginTop: 12, marginBottom: 0 }}>汇总表：各街道报送情况、街道 × 社区 × 类别 × 月份的件数、各标准考评结果、问题清单；汇总报告按公文格式写出基本情况、存在问题和下一步打算。</p>
      </Card>
      <Card title="汇总报告的公文要素" size="small">
        <ReportSettingsForm />
      </Card>
      <ErrorAlert error={task.error ?? openError} />
      {task.cancelled && <Alert type="info" showIcon title="已取消，未生成汇总。" />}
      {r && (
        <Card title="已生成" data-testid="summary-result">
          <Space style={{ marginBottom: 12 }}>
            {r.downloadUrl && (
              <FileLink url={r.downloadUrl} type="primary" icon={<DownloadOutlined />}>
                下载全区汇总
              </FileLink>
            )}
            {info?.mode !== 'browser' && (
              <Button icon={<FolderOpenOutlined />} onClick={() => api.call('shell.showInFolder', { path: r.files[0]! }).catch(setOpenError)}>
                打开所在文件夹
              </Button>
            )}
          </Space>
          <PlainList items={r.files} render={(f) => f.split(/[\\/]/).at(-1)} />
        </Card>
      )}
      <ProgressModal open={task.running} title="正在生成全区汇总" progress={task.progress} onCancel={task.cancel} />
    </Space>
  );
}
