// One row per refused cell: file, sheet, row, column, reason — exportable and printable, so the
// list can go back to the community that sent the workbook.
import { Table } from 'antd';
import type { ImportError } from '../../../../shared/import';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';

function errorList(errors: ImportError[], note: string): ShownList {
  return {
    title: '导入错误清单',
    note,
    columns: [{ header: '文件', width: 24 }, { header: '工作表' }, { header: '行', kind: 'number', width: 6 }, { header: '列' }, { header: '问题', width: 60 }],
    rows: errors.map((e) => [e.file ?? '', e.sheet, e.row, e.column, e.message]),
  };
}

export function ImportErrorTable({ errors, note }: { errors: ImportError[]; note: string }): React.JSX.Element {
  const multiFile = errors.some((e) => e.file);
  return (
    <>
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
      <ListActions list={() => errorList(errors, note)} />
    </div>
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
    </>
  );
}
