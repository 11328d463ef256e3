// The completeness heat map: one row per community, one cell per month, for the chosen 类别. A cell is
// 齐全 only when every requirement due in it is met (the evaluation 考评 runs); its tip names what is missing.
import { Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import type { CompletenessCell, CompletenessGrid } from '../../../../shared/audit';
import { AFFAIRS, type Affair } from '../../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { href } from '../../hooks/useHashRoute';

function cellColour(c: CompletenessCell): string {
  if (c.expected === 0) return c.count > 0 ? '#e6f4ff' : '#fafafa';
  if (c.missing.length === 0) return '#95de64';
  return c.missing.length < c.expected ? '#ffd666' : '#ff7875';
}

function cellTip(c: CompletenessCell): string {
  if (c.expected === 0) return `${c.count} 件（本月无考评要求）`;
  return c.missing.length === 0 ? `${c.count} 件，已齐全` : `${c.count} 件，不齐全：${c.missing.join('；')}`;
}

export function CompletenessMap({ year, grid }: { year: number; grid: CompletenessGrid | null }): React.JSX.Element {
  const [affair, setAffair] = useState<Affair>('党务');
  if (!grid) return <EmptyState title="齐全度统计尚未就绪" hint="考评标准引擎完成后，这里按月显示各社区档案是否齐全。" />;
  const rows = grid.rows.filter((r) => r.affair === affair);
  return (
    <>
      <Segmented options={[...AFFAIRS]} value={affair} onChange={(v) => setAffair(v as Affair)} style={{ marginBottom: 12 }} />
      {rows.length === 0 ? (
        <EmptyState title="还没有社区" hint="请先在“设置”页添加社区，或导入社区概况。" />
      ) : (
        <table data-testid="completeness-map" style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%', fontSize: 12 }}>
          <thead>
            <tr>
              <th style={{ textAlign: 'left', fontWeight: 500 }}>社区</th>
              {grid.periods.map((p) => (
                <th key={p} style={{ fontWeight: 500 }}>
                  {p}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.community} data-community={r.community}>
                <td style={{ whiteSpace: 'nowrap', paddingRight: 8 }}>
                  <a href={href('/records', { year, community: r.community, affair })}>{r.community}</a>
                </td>
                {r.cells.map((c, i) => (
                  <Tooltip key={grid.periods[i]} title={`${r.community} ${grid.periods[i]}：${cellTip(c)}`}>
                    <td
                      data-month={grid.periods[i]}
                      data-complete={c.expected === 0 ? undefined : c.missing.length === 0 ? 'yes' : 'no'}
                      style={{ background: cellColour(c), textAlign: 'center', height: 24, borderRadius: 3 }}
                    >
                      {c.count || ''}
                    </td>
                  </Tooltip>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div style={{ marginTop: 8, fontSize: 12, color: '#888' }}>
        <Legend colour="#95de64" label="齐全" /> <Legend colour="#ffd666" label="部分缺项" /> <Legend colour="#ff7875" label="全部缺项" />{' '}
        <Legend colour="#fafafa" label="本月无要求" />
      </div>
    </>
  );
}

function Legend({ colour, label }: { colour: string; label: string }): React.JSX.Element {
  return (
    <span style={{ marginRight: 12 }}>
      <span style={{ display: 'inline-block', width: 12, height: 12, background: colour, border: '1px solid #ddd', verticalAlign: -2, marginRight: 4 }} />
      {label}
    </span>
  );
}
