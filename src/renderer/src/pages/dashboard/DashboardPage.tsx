// 工作台: the year's counts, the completeness heat map and the warnings, each linking to the records.
// An archive without records opens on the first-run guide instead.
import { Card, Col, Row, Space, Spin, Statistic } from 'antd';
import { AFFAIRS } from '../../../../shared/vocabulary';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useWorkingYear, YearSelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { FirstRunGuide } from './FirstRunGuide';
import { href, navigate } from '../../hooks/useHashRoute';
import { CompletenessMap } from './CompletenessMap';
import { WarningList } from './WarningList';

export function DashboardPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const working = useWorkingYear();
  const year = Number(params.get('year')) || working;
  const setYear = (y: number | undefined): void => navigate('/', { year: y });
  const { info, communities, loaded } = useArchive();
  // anything at all in the archive (any year), and anything filed
  const anything = useApi('records.search', { limit: 0 });
  const filed = useApi('records.search', { status: '在保', limit: 0 });
  const empty = anything.data?.total === 0;
  const summary = useApi('dashboard.summary', year && anything.data && !empty ? { year } : null);
  const s = summary.data?.year === year ? summary.data : undefined;

  if (empty) {
    // no step is shown as next before the guide knows what is done
    if (!loaded || !filed.data) return <Spin />;
    return (
      <FirstRunGuide
        progress={{ office: !!info?.office?.name, communities: communities.length > 0, records: false, filed: (filed.data?.total ?? 0) > 0 }}
      />
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <YearSelect value={year} onChange={setYear} />
      <ErrorAlert error={summary.error} />
      {!s && summary.loading && <Spin />}
      {s && (
        <>
          <Row gutter={16}>
            <Col span={6}>
              <Card>
                <a href={href('/records', { year })}>
                  <Statistic title={`${year} 年档案（件）`} value={s.total} />
                </a>
              </Card>
            </Col>
            {AFFAIRS.map((a) => (
              <Col span={6} key={a}>
                <Card>
                  <a href={href('/records', { year, affair: a })}>
                    <Statistic title={`${a}公开`} value={s.byAffair[a] ?? 0} />
                  </a>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col span={16}>
              <Card title="齐全度（社区 × 月份）">
                <CompletenessMap year={s.year} grid={s.completeness} />
              </Card>
            </Col>
            <Col span={8}>
              <Card title="待办提醒">
                <WarningList warnings={s.warnings} />
              </Card>
              {s.overdueLoans.total > 0 && (
                <Card title={`逾期未还的借阅（${s.overdueLoans.total} 笔）`} style={{ marginTop: 16 }} data-testid="overdue-loans">
                  {s.overdueLoans.loans.map((l) => (
                    <div key={l.id} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
                      <a href={href('/lending', { state: 'overdue', q: l.borrower })}>
                        {l.borrower}（借阅单 {l.id}，{l.items.length} 件）
                      </a>
                      <span style={{ color: '#cf1322' }}>应还 {l.due}</span>
                    </div>
                  ))}
                  {s.overdueLoans.total > s.overdueLoans.loans.length && <a href={href('/lending', { state: 'overdue' })}>查看全部</a>}
                </Card>
              )}
              <Card title="按状态" style={{ marginTop: 16 }}>
                {Object.entries(s.byStatus).map(([status, n]) => (
                  <div key={status} style={{ display: 'flex', justifyContent: 'space-between', padding: '4px 0' }}>
                    <a href={href('/records', { year, status })}>{status}</a>
                    <span>{n}</span>
                  </div>
                ))}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
