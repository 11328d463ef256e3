// 导出 Excel and 打印 for any list: exports go through core (lists.export, or the page's own export such
// as records.export) so the .xlsx prints like the package; printing lays the list out for paper
// (PrintSheet) and opens the browser's print dialog (where 另存为 PDF is one choice).
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { DownloadFile } from '../../../../shared/api';
import { api } from '../../api';
import { isCancelled, toPayload } from '../../errors';
import { downloadBase64 } from '../../files';
import { useArchive } from '../../hooks/useArchive';
import { PrintSheet } from './PrintSheet';
import type { ShownList } from './types';

export interface ListActionsProps {
  /** the list as shown (what 打印 prints, and what 导出 exports unless `exportFile` is given) */
  list: () => ShownList | Promise<ShownList>;
  /** the page's own export (e.g. every match of a query, not only the page shown) */
  exportFile?: () => Promise<DownloadFile | undefined>;
  disabled?: boolean;
  /** e.g. 导出所选 */
  exportLabel?: string;
  printLabel?: string;
}

export function ListActions({ list, exportFile, disabled, exportLabel = '导出 Excel', printLabel = '打印' }: ListActionsProps): React.JSX.Element {
  const { message } = App.useApp();
  const office = useArchive().info?.office?.name ?? '';
  const [busy, setBusy] = useState<'export' | 'print' | null>(null);
  const [printing, setPrinting] = useState<{ list: ShownList; at: Date } | null>(null);

  // the sheet stays until the print dialog closes
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done);
    const timer = setTimeout(() => window.print(), 0);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const act = async (kind: 'export' | 'print'): Promise<void> => {
    setBusy(kind);
    try {
      if (kind === 'print') setPrinting({ list: await list(), at: new Date() });
      else {
        const file = exportFile ? await exportFile() : await api.call('lists.export', await list());
        if (file) {
          downloadBase64(file.name, file.dataBase64);
          message.success(`已导出：${file.name}`);
        }
      }
    } catch (e) {
      if (!isCancelled(e)) message.error(toPayload(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space size={4}>
      <Button icon={<FileExcelOutlined />} loading={busy === 'export'} disabled={disabled} onClick={() => act('export')}>
        {exportLabel}
      </Button>
      <Button icon={<PrinterOutlined />} loading={busy === 'print'} disabled={disabled} onClick={() => act('print')}>
        {printLabel}
      </Button>
      {printing && <PrintSheet list={printing.list} at={printing.at} office={office} />}
    </Space>
  );
}
