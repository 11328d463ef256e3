// One row per refused cell: file, sheet, row, column, reason.
import { Table } from 'antd';
import type { ImportError } from '../../../../shared/import';

export function ImportErrorTable({ errors }: { errors: ImportError[] }): React.JSX.Element {
  const multiFile = errors.some((e) => e.file);
  return (
    <Table<ImportError & { key: number }>
      data-testid="import-errors"
      size="small"
      virtual
      scroll={{ y: 420 }}
      pagination={false}
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      columns={[
        ...(multiFile ? [{ title: '文件', dataIndex: 'file', width: 180, ellipsis: true }] : []),
        { title: '工作表', dataIndex: 'sheet', width: 110 },
        { title: '行', dataIndex: 'row', width: 70, render: (v: number | null) => v ?? '—' },
        { title: '列', dataIndex: 'column', width: 110, render: (v: string | null) => v ?? '—' },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
