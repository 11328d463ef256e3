// Filing per cell (全宗 × 门类 × 年度 × 保管期限 × 问题): before, how many items each cell will number
// and its first and last 档号; after, the 件号 range each cell was given. Both export and print.
import { Alert, Table, Typography } from 'antd';
import type { FilingPreviewItem, FilingResult } from '../../../../shared/api';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';

export interface PreviewCell {
  cell: string;
  community: string;
  count: number;
  first: string;
  last: string;
}

/** The preview's items by cell, in cell order. */
export function previewCells(items: FilingPreviewItem[]): PreviewCell[] {
  const cells = new Map<string, PreviewCell>();
  for (const i of items) {
    const c = cells.get(i.cell);
    if (!c) cells.set(i.cell, { cell: i.cell, community: i.community, count: 1, first: i.archivalCode, last: i.archivalCode });
    else {
      c.count++;
      if (i.archivalCode < c.first) c.first = i.archivalCode;
      if (i.archivalCode > c.last) c.last = i.archivalCode;
    }
  }
  return [...cells.values()].sort((a, b) => a.cell.localeCompare(b.cell));
}

const pad = (n: number): string => String(n).padStart(4, '0');

type Props = { where: string } & ({ cells: PreviewCell[]; result?: undefined } | { result: FilingResult; cells?: undefined });

export function FilingCells(props: Props): React.JSX.Element {
  const { where } = props;
  if (props.result) {
    const { result } = props;
    const rows = result.cells.map((c) => ({ ...c, key: c.cell, count: c.to - c.from + 1 }));
    const list = (): ShownList => ({
      title: '归档结果',
      note: `${where}，已归档 ${result.filed} 件`,
      columns: [{ header: '社区' }, { header: '组别（档号除件号外的部分）', width: 30 }, { header: '起始件号' }, { header: '终止件号' }, { header: '件数', kind: 'number' }],
      rows: rows.map((c) => [c.community, c.cell, pad(c.from), pad(c.to), c.count]),
    });
    return (
      <>
        <Alert type="success" showIcon data-testid="filing-result" title={`已归档 ${result.filed} 件`} description={`共 ${rows.length} 组，各组件号如下表。`} style={{ marginBottom: 8 }} />
        {rows.length > 0 && (
          <>
            <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
              <ListActions list={list} />
            </div>
            <Table
              data-testid="filing-cells"
              size="small"
              pagination={false}
              scroll={{ y: 320 }}
              dataSource={rows}
              columns={[
                { title: '社区', dataIndex: 'community', ellipsis: true },
                { title: '组别（档号除件号外的部分）', dataIndex: 'cell', width: 260 },
                { title: '件号', key: 'range', width: 150, render: (_: unknown, c) => `${pad(c.from)}–${pad(c.to)}` },
                { title: '件数', dataIndex: 'count', width: 80, align: 'right' },
              ]}
            />
          </>
        )}
      </>
    );
  }
  const cells = props.cells;
  const list = (): ShownList => ({
    title: '归档预览（按组）',
    note: `${where}，共 ${cells.reduce((n, c) => n + c.count, 0)} 件（尚未归档）`,
    columns: [{ header: '社区' }, { header: '组别（档号除件号外的部分）', width: 30 }, { header: '件数', kind: 'number' }, { header: '首件档号', width: 28 }, { header: '末件档号', width: 28 }],
    rows: cells.map((c) => [c.community, c.cell, c.count, c.first, c.last]),
  });
  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', marginBottom: 8 }}>
        <Typography.Text strong style={{ flex: 1 }}>
          按组（{cells.length} 组）
        </Typography.Text>
        <ListActions list={list} />
      </div>
      <Table
        data-testid="filing-preview-cells"
        size="small"
        pagination={false}
        scroll={{ y: 200 }}
        rowKey="cell"
        dataSource={cells}
        columns={[
          { title: '社区', dataIndex: 'community', ellipsis: true },
          { title: '组别（档号除件号外的部分）', dataIndex: 'cell', width: 240 },
          { title: '件数', dataIndex: 'count', width: 70, align: 'right' },
          { title: '首件档号', dataIndex: 'first', width: 220 },
          { title: '末件档号', dataIndex: 'last', width: 220 },
        ]}
      />
    </>
  );
}
