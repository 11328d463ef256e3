// 工作台 of a district: for a year, who reported (on time, late) and who has not, the completeness heat
// map of every street office's communities, and each community on a click.
import { Card, Col, Row, Space, Spin, Statistic, Table, Tag } from 'antd';
import type { DistrictOfficeRow } from '../../../../shared/district';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWorkingYear, YearSelect } from '../../components/Pickers';
import { formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { href, navigate } from '../../hooks/useHashRoute';
import { CommunityDrawer } from './CommunityDrawer';
import { OfficeHeatMap } from './OfficeHeatMap';
import { STATE } from './states';

export function DistrictDashboardPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const working = useWorkingYear();
  const year = Number(params.get('year')) || working;
  const office = params.get('office');
  const community = params.get('community');
  const go = (p: Record<string, string | number | undefined>) => navigate('/', { year, ...p });
  const dashboard = useApi('district.dashboard', year ? { year } : null);
  const d = dashboard.data?.year === year ? dashboard.data : undefined;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <YearSelect value={year} onChange={(y) => navigate('/', { year: y })} />
      <ErrorAlert error={dashboard.error} />
      {!d && dashboard.loading && <Spin />}
      {d && (
        <>
          <Row gutter={16}>
            {(['reported', 'late', 'missing'] as const).map((s) => (
              <Col span={6} key={s}>
                <Card>
                  <Statistic title={`${STATE[s].label}（个街道）`} value={d.counts[s]} />
                </Card>
              </Col>
            ))}
            <Col span={6}>
              <Card>
                <Statistic title={`${d.year}年度报送截止`} value={d.deadline} />
              </Card>
            </Col>
          </Row>
          <Card title="各街道报送情况">
            <Table<DistrictOfficeRow>
              data-testid="district-offices"
              size="small"
              pagination={false}
              rowKey={(r) => r.office.id}
              dataSource={d.offices}
              columns={[
                { title: '街道办事处', render: (_, r) => <a href={href('/records', { year, office: r.office.name })}>{r.office.name}</a> },
                { title: '状态', width: 100, render: (_, r) => <Tag color={STATE[r.state].color}>{STATE[r.state].label}</Tag> },
                { title: '报送包生成时间', width: 150, render: (_, r) => formatDate(r.created) },
                { title: '接收时间', width: 150, render: (_, r) => formatDate(r.receivedAt) },
                { title: '报送次数', width: 80, dataIndex: 'versions' },
                { title: '社区', width: 60, render: (_, r) => r.communities.length },
                { title: '档案（件）', width: 90, dataIndex: 'records' },
              ]}
            />
          </Card>
          <Card title="齐全度（街道 × 社区）">
            <OfficeHeatMap offices={d.offices} onOpen={(o, c) => go({ office: o, community: c })} />
          </Card>
        </>
      )}
      {year && <CommunityDrawer year={year} office={office} community={community} onClose={() => go({})} />}
    </Space>
  );
}
