// 考评: a standard's indicators per community for a year, with status colours, shortfalls and evidence;
// manual indicators are attested here.
import { Collapse, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import type { CommunityAudit, IndicatorResult, StandardResult } from '../../../../shared/audit';
import { scoreText, verdictText } from '../../../../shared/audit-verdict';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommunitySelect, THIS_YEAR, useWorkingYear, YearSelect } from '../../components/Pickers';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';
import { AttestModal } from './AttestModal';
import { IndicatorTable } from './IndicatorTable';
import { useCan } from '../../hooks/useAuth';

const GRADE_COLOURS: Record<string, string> = { 达标: 'success', 基本达标: 'warning', 不达标: 'error' };
/** a provisional grade or none at all is shown without the grade's colour */
const colourOf = (s: StandardResult): string => (s.vetoed ? 'error' : s.provisional || s.result === null ? 'default' : GRADE_COLOURS[s.result]!);

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
          options={(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.id} ${s.name}${s.inUse ? '' : '（未启用）'}` }))}
        />
        <CommunitySelect by="name" allowClear placeholder="全部社区" value={community} onChange={(c) => set({ community: c })} />
      </Space>
      <ErrorAlert error={audit.error ?? standards.error} />
      {audit.loading && !audit.data && <Spin />}
      {audit.data && audit.data.communities.length === 0 && (
        <EmptyState title="没有可考评的社区" hint="请先在“设置”页添加社区并启用考评标准。" />
      )}
      {audit.data && audit.data.communities.length > 0 && (
        <>
          <div style={{ color: '#888' }}>考评截至 {audit.data.asOf}（未到期的月份、季度不计为缺失）。</div>
          <Collapse
            data-testid="audit-results"
            defaultActiveKey={audit.data.communities.length === 1 ? [audit.data.communities[0]!.community] : []}
            items={audit.data.communities.map((c) => ({
              key: c.community,
              label: <CommunityHeader audit={c} />,
              children: c.standards.map((s) => (
                <div key={s.id} style={{ marginBottom: 16 }}>
                  <div style={{ fontWeight: 600, marginBottom: 8 }}>
                    {s.id} {s.name} · 得分 {scoreText(s)} <Tag color={colourOf(s)}>{verdictText(s)}</Tag>
                    {s.vetoPending && <Tag color="processing">一票否决项待认定</Tag>}
                    {s.provisional && <span style={{ color: '#888' }}>（按已评{s.assessed}项计，{s.awaiting}项待人工认定）</span>}
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

function CommunityHeader({ audit }: { audit: CommunityAudit }): React.JSX.Element {
  return (
    <Space>
      <strong>{audit.community}</strong>
      {audit.standards.map((s) => (
        <Tag key={s.id} color={colourOf(s)}>
          {s.id} {verdictText(s)}
        </Tag>
      ))}
    </Space>
  );
}
