// The completeness heat map: one row per community, one cell per month, for the chosen 类别. A cell is
// 齐全 only when every requirement due in it is met (the evaluation 考评 runs); its tip names what is missing.
// Fixed layout: a long community name is cut with … (whole in its tip), months read 1月…12月, so the
// twelve months always fit the card, at 1280 px too.
import { Button, Segmented, Tooltip } from 'antd';
import { useState } from 'react';
import type { CompletenessCell, CompletenessGrid } from '../../../../shared/audit';
import { AFFAIRS, type Affair } from '../../../../shared/vocabulary';
import { EmptyState } from '../../components/EmptyState';
import { href, navigate } from '../../hooks/useHashRoute';

/** 2025-03 → 3月 (the year is the card's) */
const monthLabel = (p: string): string => (/^\d{4}-\d{2}$/.test(p) ? `${Number(p.slice(5))}月` : p);

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
        <EmptyState
          title="还没有社区"
          hint="齐全度按社区统计：请先添加社区，或导入社区报送的工作簿（含社区概况）。"
          action={
            <Button type="primary" onClick={() => navigate('/settings', { tab: 'communities' })}>
              添加社区
            </Button>
          }
        />
      ) : (
        <table data-testid="completeness-map" style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%', fontSize: 12, tableLayout: 'fixed' }}>
          <colgroup>
            <col style={{ width: '22%' }} />
            {grid.periods.map((p) => (
              <col key={p} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left', fontWeight: 500 }}>社区</th>
              {grid.periods.map((p) => (
                <th key={p} scope="col" style={{ fontWeight: 500, whiteSpace: 'nowrap', overflow: 'hidden' }} title={p}>
                  {monthLabel(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.community} data-community={r.community}>
                <th scope="row" style={{ fontWeight: 400, textAlign: 'left', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', paddingRight: 4 }} title={r.community}>
                  <a href={href('/records', { year, community: r.community, affair })}>{r.community}</a>
                </th>
                {r.cells.map((c, i) => (
                  <Tooltip key={grid.periods[i]} title={`${r.community} ${grid.periods[i]}：${cellTip(c)}`}>
                    <td
                      data-month={grid.periods[i]}
                      data-complete={c.expected === 0 ? undefined : c.missing.length === 0 ? 'yes' : 'no'}
                      aria-label={`${grid.periods[i]}：${cellTip(c)}`}
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
      <div style={{ marginTop: 8, fontSize: 12, color: '#595959' }}>
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
