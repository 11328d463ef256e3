// The completeness heat map across street offices: one row per office, one cell per community, coloured
// by the share of the months' requirements its package says were met; a cell opens the community.
import { Tag, Tooltip } from 'antd';
import type { DistrictCommunityCell, DistrictOfficeRow } from '../../../../shared/district';
import { EmptyState } from '../../components/EmptyState';
import { completenessColour, percentText, STATE } from './states';

function cellTip(office: string, c: DistrictCommunityCell): string {
  if (c.completeness === null) return `${office} ${c.name}：${c.records} 件，报送包未附齐全度统计`;
  const grades = c.grades.map((g) => `${g.name}${g.result ? `${g.provisional ? '暂评' : ''}${g.result}` : '暂无得分'}`).join('；');
  return `${office} ${c.name}：${c.records} 件；按月要求 ${c.expected} 项，缺 ${c.missing} 项（齐全 ${percentText(c.completeness)}）${grades ? `；${grades}` : ''}`;
}

export function OfficeHeatMap({ offices, onOpen }: { offices: DistrictOfficeRow[]; onOpen: (office: string, community: string) => void }): React.JSX.Element {
  if (offices.length === 0) return <EmptyState title="还没有登记街道办事处" hint="在“接收”页接收街道的报送包时，可以同时登记该街道。" />;
  return (
    <>
      <table data-testid="district-heat-map" style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%', fontSize: 12 }}>
        <tbody>
          {offices.map((o) => (
            <tr key={o.office.id} data-office={o.office.name}>
              <td style={{ whiteSpace: 'nowrap', paddingRight: 8, width: 1 }}>{o.office.name}</td>
              <td style={{ width: 1 }}>
                <Tag color={STATE[o.state].color}>{STATE[o.state].label}</Tag>
              </td>
              <td>
                <div style={{ display: 'flex', flexWrap: 'wrap', gap: 3 }}>
                  {o.communities.length === 0 && <span style={{ color: '#595959' }}>尚无社区数据</span>}
                  {o.communities.map((c) => (
                    <Tooltip key={c.code} title={cellTip(o.office.name, c)}>
                      <button
                        type="button"
                        data-community={c.name}
                        data-completeness={c.completeness === null ? '' : c.completeness.toFixed(2)}
                        disabled={o.state === 'missing'}
                        onClick={() => onOpen(o.office.name, c.code)}
                        style={{
                          background: completenessColour(c.completeness),
                          border: '1px solid #eee',
                          borderRadius: 3,
                          padding: '2px 6px',
                          minWidth: 84,
                          cursor: o.state === 'missing' ? 'default' : 'pointer',
                          textAlign: 'left',
                        }}
                      >
                        <div>{c.name}</div>
                        <div style={{ color: '#262626' }}>{o.state === 'missing' ? '未报送' : `${percentText(c.completeness)} · ${c.records}件`}</div>
                      </button>
                    </Tooltip>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ marginTop: 8, fontSize: 12, color: '#595959' }}>
        齐全度：按各街道报送的考评，各月应有事项中已齐全的比例。
        {[
          ['#95de64', '95% 以上'],
          ['#ffd666', '70%—95%'],
          ['#ff7875', '70% 以下'],
          ['#fafafa', '无数据'],
        ].map(([colour, label]) => (
          <span key={label} style={{ marginLeft: 12 }}>
            <span style={{ display: 'inline-block', width: 12, height: 12, background: colour, border: '1px solid #ddd', verticalAlign: -2, marginRight: 4 }} />
            {label}
          </span>
        ))}
      </div>
    </>
  );
}
