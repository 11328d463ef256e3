// 归档: preview the 档号 each unfiled item of the year will get, then file them.
import { Alert, Button, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { FilingPreviewItem, FilingResult } from '../../../../shared/api';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunitySelect, THIS_YEAR, useWorkingYear, YearSelect } from '../../components/Pickers';
import { href } from '../../hooks/useHashRoute';

export function FilingModal({ open, defaultYear, onClose, onFiled }: { open: boolean; defaultYear?: number; onClose: () => void; onFiled: () => void }): React.JSX.Element {
  return (
    // destroyOnHidden: each opening starts from a fresh preview
    <Modal open={open} title="归档（给未归档的档案编件号、档号）" width={720} onCancel={onClose} footer={null} destroyOnHidden>
      <FilingBody defaultYear={defaultYear} onFiled={onFiled} />
    </Modal>
  );
}

function FilingBody({ defaultYear, onFiled }: { defaultYear?: number; onFiled: () => void }): React.JSX.Element {
  const working = useWorkingYear();
  const [year, setYear] = useState<number | undefined>(defaultYear ?? working ?? THIS_YEAR);
  const [community, setCommunity] = useState<string>();
  const [preview, setPreview] = useState<FilingPreviewItem[] | null>(null);
  const [result, setResult] = useState<FilingResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // a preview belongs to one year and community
  const choose = (next: { year?: number; community?: string }): void => {
    setYear(next.year);
    setCommunity(next.community);
    setPreview(null);
    setResult(null);
    setError(null);
  };

  const call = async (fn: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const doPreview = (): Promise<void> => call(async () => setPreview(await api.call('filing.preview', { year: year!, community })));
  const doFile = (): Promise<void> =>
    call(async () => {
      setResult(await api.call('filing.run', { year: year!, community }));
      setPreview(null);
      onFiled();
    });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <YearSelect value={year} onChange={(y) => choose({ year: y, community })} />
        <CommunitySelect by="name" allowClear placeholder="全部社区" value={community} onChange={(c) => choose({ year, community: c })} />
        <Button onClick={doPreview} disabled={!year} loading={busy && !preview}>
          预览档号
        </Button>
        <Button type="primary" onClick={doFile} disabled={!preview || preview.length === 0} loading={busy && !!preview}>
          确认归档
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {result && (
        <Alert
          type="success"
          showIcon
          data-testid="filing-result"
          title={`已归档 ${result.filed} 件`}
          description={result.cells.map((c) => `${c.cell}：件号 ${c.from}–${c.to}`).join('；') || undefined}
        />
      )}
      {preview && preview.length === 0 && <Alert type="info" showIcon title={`${year} 年${community ?? ''}没有未归档的档案。`} />}
      {preview && preview.length > 0 && (
        <>
          <Typography.Paragraph>
            将给 {preview.length} 件档案编号（按成文日期排序，接在各组已有件号之后；件号不会重复使用）：
          </Typography.Paragraph>
          <Table<FilingPreviewItem>
            data-testid="filing-preview"
            size="small"
            rowKey="id"
            virtual
            scroll={{ y: 360 }}
            pagination={false}
            dataSource={preview}
            columns={[
              { title: '将得到的档号', dataIndex: 'archivalCode' },
              { title: '档案', dataIndex: 'id', width: 100, render: (id: number) => <a href={href('/records', { id })}>#{id}</a> },
            ]}
          />
        </>
      )}
    </>
  );
}
