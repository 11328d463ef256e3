// One standard's indicators for one community: status colour, what is missing, evidence links, 认定.
import { Button, Table } from 'antd';
import type { IndicatorResult } from '../../../../shared/audit';
import { IndicatorStatusTag } from '../../components/StatusTags';
import { formatDate } from '../../format';
import { href } from '../../hooks/useHashRoute';

const attestable = (i: IndicatorResult): boolean => i.status === 'manual' || !!i.attestation || !!i.veto;

/** `onAttest` absent: the signed-in role may not attest (no button). */
export function IndicatorTable({ indicators, onAttest }: { indicators: IndicatorResult[]; onAttest?: (i: IndicatorResult) => void }): React.JSX.Element {
  return (
    <Table<IndicatorResult>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={indicators}
      columns={[
        { title: '指标', dataIndex: 'id', width: 120 },
        { title: '内容', dataIndex: 'item', render: (v: string | undefined, i) => <>{v ?? ''}{i.veto && <span style={{ color: '#cf1322' }}>（一票否决）</span>}</> },
        { title: '状态', dataIndex: 'status', width: 96, render: (s: IndicatorResult['status']) => <IndicatorStatusTag status={s} /> },
        {
          title: '缺失',
          dataIndex: 'missing',
          render: (m: string[]) => (m.length ? m.map((x) => <div key={x} style={{ color: '#cf1322' }}>{x}</div>) : '—'),
        },
        {
          title: '佐证',
          dataIndex: 'evidence',
          width: 180,
          render: (ids: number[], i) => (
            <>
              {ids.slice(0, 6).map((id) => (
                <a key={id} href={href('/records', { id })} style={{ marginRight: 6 }}>
                  #{id}
                </a>
              ))}
              {ids.length > 6 && <span>等 {ids.length} 件</span>}
              {i.attestation && (
                <div style={{ color: '#595959', fontSize: 12 }}>
                  {i.attestation.actor} {formatDate(i.attestation.at)} 认定{i.attestation.note ? `：${i.attestation.note}` : ''}
                </div>
              )}
            </>
          ),
        },
        {
          title: '操作',
          width: 72,
          render: (_: unknown, i) => onAttest && attestable(i) && <Button size="small" onClick={() => onAttest(i)}>认定</Button>,
        },
      ]}
    />
  );
}
