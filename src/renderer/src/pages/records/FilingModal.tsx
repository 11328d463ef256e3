// 归档: preview what each unfiled item of the year (or of the picked rows) will get — per cell the
// count and the first and last 档号, per item its community, 题名 and 日期 beside the 档号 — then file
// them (件号 are never taken back), and show the ranges given per cell, exportable and printable.
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FilingPreviewItem, FilingResult } from '../../../../shared/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataGrid } from '../../components/grid/DataGrid';
import type { GridColumn } from '../../components/grid/types';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';
import { CommunitySelect, THIS_YEAR, useWorkingYear, YearSelect } from '../../components/Pickers';
import { api } from '../../api';
import { FilingCells, previewCells } from './FilingCells';

export interface FilingSelection {
  year: number;
  /** the picked records (fetched when "all matching" was chosen) */
  ids: () => Promise<number[]>;
}

export function FilingModal({
  open,
  defaultYear,
  selection,
  onClose,
  onFiled,
}: {
  open: boolean;
  defaultYear?: number;
  selection?: FilingSelection;
  onClose: () => void;
  onFiled: () => void;
}): React.JSX.Element {
  return (
    // destroyOnHidden: each opening starts from a fresh preview
    <Modal open={open} title={selection ? '归档所选档案（编件号、档号）' : '归档（给未归档的档案编件号、档号）'} width={960} onCancel={onClose} footer={null} destroyOnHidden>
      <FilingBody defaultYear={defaultYear} selection={selection} onFiled={onFiled} />
    </Modal>
  );
}

const itemColumns: GridColumn<FilingPreviewItem>[] = [
  { key: 'community', title: '社区', width: 150, ellipsis: (r) => r.community, render: (r) => r.community },
  { key: 'title', title: '题名', minWidth: 220, ellipsis: (r) => r.title, render: (r) => r.title },
  { key: 'date', title: '成文日期', width: 108, render: (r) => r.date },
  { key: 'code', title: '将得到的档号', width: 230, render: (r) => r.archivalCode },
];

const previewList = (items: FilingPreviewItem[], note: string): ShownList => ({
  title: '归档预览',
  note,
  columns: [{ header: '社区' }, { header: '题名', width: 44 }, { header: '成文日期', kind: 'date' }, { header: '将得到的档号', width: 28 }],
  rows: items.map((i) => [i.community, i.title, i.date, i.archivalCode]),
});

function FilingBody({ defaultYear, selection, onFiled }: { defaultYear?: number; selection?: FilingSelection; onFiled: () => void }): React.JSX.Element {
  const working = useWorkingYear();
  const [year, setYear] = useState<number | undefined>(selection?.year ?? defaultYear ?? working ?? THIS_YEAR);
  const [community, setCommunity] = useState<string>();
  const [ids, setIds] = useState<number[] | undefined>();
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
  const scope = { year: year!, community, ids };
  const doPreview = (): Promise<void> =>
    call(async () => {
      const chosen = selection ? await selection.ids() : undefined;
      setIds(chosen);
      setPreview(await api.call('filing.preview', { year: year!, community, ids: chosen }));
    });
  const doFile = (): Promise<void> =>
    call(async () => {
      setResult(await api.call('filing.run', scope));
      setPreview(null);
      onFiled();
    });

  // a selection is previewed as soon as the dialog opens (once: for the selection it opened with)
  const started = useRef(false);
  useEffect(() => {
    if (!selection || started.current) return;
    started.current = true;
    void doPreview();
  });

  const cells = useMemo(() => (preview ? previewCells(preview) : []), [preview]);
  const where = `${year} 年${community ? ` ${community}` : ''}${selection ? ' 所选档案' : ''}`;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {!selection && (
          <>
            <YearSelect value={year} onChange={(y) => choose({ year: y, community })} />
            <CommunitySelect by="name" allowClear placeholder="全部社区" value={community} onChange={(c) => choose({ year, community: c })} />
            <Button onClick={doPreview} disabled={!year} loading={busy && !preview}>
              预览档号
            </Button>
          </>
        )}
        <Button type="primary" onClick={doFile} disabled={!preview || preview.length === 0} loading={busy && !!preview}>
          确认归档
        </Button>
      </Space>
      <ErrorAlert error={error} />
      {result && <FilingCells result={result} where={where} />}
      {preview && preview.length === 0 && <Alert type="info" showIcon title={`${where}没有未归档的档案。`} />}
      {preview && preview.length > 0 && (
        <>
          <Typography.Paragraph>
            将给 {preview.length} 件档案编号（按成文日期排序，接在各组已有件号之后；件号一经给出不会收回、不会重复使用，请核对后再点“确认归档”）：
          </Typography.Paragraph>
          <FilingCells cells={cells} where={where} />
          <div style={{ display: 'flex', alignItems: 'center', margin: '12px 0 8px' }}>
            <Typography.Text strong style={{ flex: 1 }}>
              逐件预览
            </Typography.Text>
            <ListActions list={() => previewList(preview, `${where}，共 ${preview.length} 件（尚未归档）`)} />
          </div>
          <DataGrid<FilingPreviewItem> testId="filing-preview" label="归档预览" rows={preview} rowKey={(r) => r.id} columns={itemColumns} height={300} />
        </>
      )}
    </>
  );
}
