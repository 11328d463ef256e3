// A community of a street office, as its package reports it: profile, grades per standard, the months'
// completeness per 类别, and a way on to its records.
import { Button, Descriptions, Drawer, Space, Spin, Table, Tag, Tooltip } from 'antd';
import { scoreText, verdictText, vetoText } from '../../../../shared/audit-verdict';
import { COMMUNITY_LABELS, COMMUNITY_UNITS } from '../../../../shared/labels';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';

const cellColour = (expected: number, missing: number, count: number): string => {
  if (expected === 0) return count > 0 ? '#e6f4ff' : '#fafafa';
  if (missing === 0) return '#95de64';
  return missing < expected ? '#ffd666' : '#ff7875';
};

export function CommunityDrawer({ year, office, community, onClose }: { year: number; office: string | null; community: string | null; onClose: () => void }): React.JSX.Element {
  const open = office !== null && community !== null;
  const detail = useApi('district.community', open ? { year, office, community } : null);
  const d = detail.data?.office === office && detail.data?.code === community ? detail.data : undefined;
  return (
    <Drawer open={open} onClose={onClose} size={760} title={d ? `${d.office} · ${d.name}（${d.year}年度）` : '社区报送情况'} data-testid="community-drawer">
      <ErrorAlert error={detail.error} />
      {!d && detail.loading && <Spin />}
      {d && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" column={3} bordered>
            <Descriptions.Item label="全宗号">{d.code}</Descriptions.Item>
            <Descriptions.Item label="类型">{d.type}</Descriptions.Item>
            {Object.entries(d.profile).map(([k, v]) => (
              <Descriptions.Item key={k} label={COMMUNITY_LABELS[k as keyof typeof COMMUNITY_LABELS] ?? k}>
                {v === null ? '—' : `${v}${COMMUNITY_UNITS[k as keyof typeof COMMUNITY_UNITS] ?? ''}`}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={d.audit}
            columns={[
              { title: '考评标准', dataIndex: 'name' },
              { title: '得分', width: 70, render: (_, s) => scoreText(s) },
              { title: '等次', width: 140, render: (_, s) => <Tag color={s.vetoed || s.result === '不达标' ? 'red' : s.result === '达标' ? 'green' : 'gold'}>{verdictText(s)}</Tag> },
              { title: '一票否决', width: 80, render: (_, s) => vetoText(s) },
              { title: '问题', width: 70, render: (_, s) => s.indicators.filter((i) => i.status === 'unmet' || i.status === 'partial').length },
            ]}
          />
          {d.completeness ? (
            <table data-testid="community-months" style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%', fontSize: 12 }}>
              <thead>
                <tr>
                  <th style={{ textAlign: 'left', fontWeight: 500 }}>类别</th>
                  {d.periods.map((p) => (
                    <th key={p} style={{ fontWeight: 500 }}>
                      {Number(p.slice(5))}月
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.completeness.map((row) => (
                  <tr key={row.affair}>
                    <td>{row.affair}</td>
                    {row.cells.map((c, i) => (
                      <Tooltip key={i} title={c.missing.length ? `${c.count} 件，不齐全：${c.missing.join('；')}` : `${c.count} 件${c.expected ? '，已齐全' : '（本月无考评要求）'}`}>
                        <td style={{ background: cellColour(c.expected, c.missing.length, c.count), textAlign: 'center', height: 24, borderRadius: 3 }}>{c.count || ''}</td>
                      </Tooltip>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <div style={{ color: '#595959' }}>这份报送包没有附按月齐全度统计。</div>
          )}
          <Button type="primary" onClick={() => navigate('/records', { year, office: d.office, community: d.code })}>
            查看该社区报送的档案
          </Button>
        </Space>
      )}
    </Drawer>
  );
}
