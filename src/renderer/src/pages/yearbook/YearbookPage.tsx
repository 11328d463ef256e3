// 年报: the 档案室基本情况年报 of a year — the figures counted from the register (how each was counted is
// in the workbook's 统计说明), the figures the clerk enters, and the workbook to download or open.
import { DownloadOutlined, FileExcelOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table } from 'antd';
import { useState } from 'react';
import type { YearbookResult } from '../../../../shared/yearbook';
import { FORM_CODES, YEARBOOK_FORM, type ComputedFigure } from '../../../../shared/yearbook';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FileLink } from '../../components/FileLink';
import { useWorkingYear, YearSelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { useCan } from '../../hooks/useAuth';
import { YearbookSettingsForm } from './YearbookSettingsForm';

const COMPUTED = YEARBOOK_FORM.flatMap((r) => (r.kind === 'computed' ? [r] : []));

export function YearbookPage(): React.JSX.Element {
  const { info } = useArchive();
  const can = useCan();
  const working = useWorkingYear();
  const [chosen, setYear] = useState<number | undefined>();
  const year = chosen ?? working;
  const figures = useApi('yearbook.figures', year ? { year } : null);
  const [building, setBuilding] = useState(false);
  const [result, setResult] = useState<YearbookResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const values = figures.data && figures.data.year === year ? figures.data.values : undefined;

  const build = async (): Promise<void> => {
    if (!year) return;
    setBuilding(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.call('yearbook.build', { year }));
      figures.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBuilding(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <YearSelect
          value={year}
          onChange={(y) => {
            setResult(null);
            setYear(y);
          }}
        />
        {can('yearbook.build') && (
          <Button type="primary" icon={<FileExcelOutlined />} loading={building} disabled={!year} onClick={build}>
            生成年报
          </Button>
        )}
      </Space>
      <ErrorAlert error={error ?? figures.error} />
      {result && (
        <Card title="已生成" size="small" data-testid="yearbook-result">
          <div style={{ marginBottom: 12 }}>
            保存位置：<code>{result.path}</code>
          </div>
          {result.downloadUrl ? (
            <FileLink url={result.downloadUrl} type="primary" icon={<DownloadOutlined />}>
              下载年报
            </FileLink>
          ) : (
            info?.mode === 'desktop' && (
              <Button icon={<FolderOpenOutlined />} onClick={() => void api.call('shell.showInFolder', { path: result.path }).catch(setError)}>
                打开所在文件夹
              </Button>
            )
          )}
        </Card>
      )}
      <Card title={`${year ?? ''}年统计数字（按档案登记、借阅登记和利用记录计算）`} size="small">
        <Table<ComputedFigure>
          data-testid="yearbook-figures"
          rowKey="key"
          size="small"
          pagination={false}
          loading={figures.loading}
          dataSource={COMPUTED}
          columns={[
            { title: '代码', key: 'code', width: 70, render: (_, f) => FORM_CODES.get(f.key) },
            { title: '指标', dataIndex: 'label' },
            { title: '计量单位', dataIndex: 'unit', width: 100 },
            { title: '数值', key: 'value', width: 120, align: 'right', render: (_, f) => (values ? String(values[f.key]) : '') },
          ]}
        />
      </Card>
      {year && (
        <Card title="填报数与单位信息（登记簿中没有的，按填报数印出）" size="small">
          <YearbookSettingsForm key={year} year={year} onSaved={() => setResult(null)} />
        </Card>
      )}
    </Space>
  );
}
