// 考评: a standard's indicators per community for a year, with status colours, shortfalls and evidence;
// manual indicators are attested here.
import { Button, Collapse, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import type { AuditResult, CommunityAudit, IndicatorResult, StandardResult } from '../../../../shared/audit';
import type { StandardInfo } from '../../../../shared/api';
import { scoreText, STATUS_TEXT, verdictText } from '../../../../shared/audit-verdict';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';
import { CommunitySelect, THIS_YEAR, useWorkingYear, YearSelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';
import { AttestModal } from './AttestModal';
import { IndicatorTable } from './IndicatorTable';
import { useCan } from '../../hooks/useAuth';

const GRADE_COLOURS: Record<string, string> = { 达标: 'success', 基本达标: 'warning', 不达标: 'error' };
/** a provisional grade or none at all is shown without the grade's colour */
const colourOf = (s: StandardResult): string => (s.vetoed ? 'error' : s.provisional || s.result === null ? 'default' : GRADE_COLOURS[s.result]!);

/** Standards by their Chinese names (short in tags), never by their catalogue ids. */
type Names = Map<string, StandardInfo>;
const shortOf = (names: Names, s: StandardResult): string => names.get(s.id)?.shortName ?? s.name ?? '考评标准';

/** Every indicator of every community, as the page shows them, for 导出 and 打印. */
function auditList(audit: AuditResult, names: Names, scope: string): ShownList {
  return {
    title: '考评结果',
    note: `${audit.year}年度${scope}，考评截至${audit.asOf}`,
    columns: [
      { header: '社区' },
      { header: '标准' },
      { header: '得分', kind: 'number', width: 7 },
      { header: '评定', width: 10 },
      { header: '指标', width: 14 },
      { header: '内容', width: 40 },
      { header: '状态', width: 8 },
      { header: '缺失', width: 40 },
      { header: '佐证（件）', kind: 'number', width: 9 },
    ],
    rows: audit.communities.flatMap((c) =>
      c.standards.flatMap((s) =>
        s.indicators.map((i) => [c.community, shortOf(names, s), s.score, verdictText(s), i.id, `${i.item ?? ''}${i.veto ? '（一票否决）' : ''}`, STATUS_TEXT[i.status], i.missing.join('；'), i.evidence.length]),
      ),
    ),
  };
}

export function AuditPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const working = useWorkingYear();
  const can = useCan();
  const year = Number(params.get('year')) || working;
  const standard = params.get('standard') || undefined;
  const community = params.get('community') || undefined;
  const set = (patch: Record<string, string | number | undefined>): void => navigate('/audit', { year, standard, community, ...patch });

  const standards = useApi('standards.list', {});
  const audit = useApi('audit.run', year ? { year, standard, community } : null);
  const [attesting, setAttesting] = useState<{ community: string; indicator: IndicatorResult } | null>(null);
  const names: Names = new Map((standards.data ?? []).map((s) => [s.id, s]));
  const scope = `${community ?? '全部社区'}·${standard ? (names.get(standard)?.name ?? '') : '全部在用标准'}`;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <YearSelect value={year} onChange={(y) => set({ year: y })} />
        <Select
          aria-label="标准"
          placeholder="全部在用标准"
          allowClear
          style={{ width: 340 }}
          value={standard}
          onChange={(s) => set({ standard: s })}
          options={(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.inUse ? '' : '（未启用）'}` }))}
        />
        <CommunitySelect by="name" allowClear placeholder="全部社区" value={community} onChange={(c) => set({ community: c })} />
      </Space>
      <ErrorAlert error={audit.error ?? standards.error} />
      {audit.loading && !audit.data && <Spin />}
      {audit.data && audit.data.communities.length === 0 && (
        <EmptyState
          title="没有可考评的社区"
          hint="考评按社区进行：请先添加社区（或导入社区概况），并在“设置 → 考评标准”中选择在用的标准。"
          action={<Button type="primary" onClick={() => navigate('/settings', { tab: 'communities' })}>添加社区</Button>}
        />
      )}
      {audit.data && audit.data.communities.length > 0 && (
        <>
          <div style={{ display: 'flex', alignItems: 'center' }}>
            <span style={{ color: '#595959', flex: 1 }}>考评截至 {audit.data.asOf}（未到期的月份、季度不计为缺失）。</span>
            <ListActions list={() => auditList(audit.data!, names, scope)} />
          </div>
          <Collapse
            data-testid="audit-results"
            defaultActiveKey={audit.data.communities.length === 1 ? [audit.data.communities[0]!.community] : []}
            items={audit.data.communities.map((c) => ({
              key: c.community,
              label: <CommunityHeader audit={c} names={names} />,
              children: c.standards.map((s) => (
                <div key={s.id} style={{ marginBottom: 16 }}>
                  <div style={{ fontWeight: 600, marginBottom: 8 }}>
                    {names.get(s.id)?.name ?? s.name} · 得分 {scoreText(s)} <Tag color={colourOf(s)}>{verdictText(s)}</Tag>
                    {s.vetoPending && <Tag color="processing">一票否决项待认定</Tag>}
                    {s.provisional && <span style={{ color: '#595959' }}>（按已评{s.assessed}项计，{s.awaiting}项待人工认定）</span>}
                  </div>
                  <IndicatorTable indicators={s.indicators} onAttest={can('audit.attest') ? (indicator) => setAttesting({ community: c.community, indicator }) : undefined} />
                </div>
              )),
            }))}
          />
        </>
      )}
      <AttestModal year={year ?? THIS_YEAR} target={attesting} onClose={() => setAttesting(null)} onSaved={() => { setAttesting(null); audit.reload(); }} />
    </Space>
  );
}

function CommunityHeader({ audit, names }: { audit: CommunityAudit; names: Names }): React.JSX.Element {
  return (
    <Space>
      <strong>{audit.community}</strong>
      {audit.standards.map((s) => (
        <Tag key={s.id} color={colourOf(s)}>
          {shortOf(names, s)} {verdictText(s)}
        </Tag>
      ))}
    </Space>
  );
}
