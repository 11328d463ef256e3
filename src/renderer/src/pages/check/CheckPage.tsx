// 档案检查: run the inspection (metadata, 档号, fixity, integrity) with progress and cancel; problems by
// kind. The last result stays (check.last) until the next check, and exports and prints.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Collapse, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { CheckProblem, CheckResult, CheckRun } from '../../../../shared/check';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListActions } from '../../components/lists/ListActions';
import type { ShownList } from '../../components/lists/types';
import { ProgressModal } from '../../components/ProgressModal';
import { formatDate } from '../../format';
import { useApi } from '../../hooks/useApi';
import { href } from '../../hooks/useHashRoute';
import { useLongTask } from '../../hooks/useLongTask';

const TYPES: Record<string, string> = {
  fixity: '文件校验值不符',
  'missing-file': '附件文件缺失',
  unreadable: '附件无法读取',
  format: '文件格式不符',
  executable: '附件为可执行文件',
  'name-format': '文件名不规范',
  'duplicate-code': '档号重复',
  'code-format': '档号格式不符',
  'code-parts': '档号与各组成部分不一致',
  'item-gap': '件号不连续',
  metadata: '著录项缺失',
  enumeration: '著录值不在规定范围内',
  date: '日期有误',
  'duplicate-doc': '疑似重复登记',
  unfiled: '逾期未归档',
  'audit-chain': '修改日志被篡改',
  database: '数据库损坏',
};

/** The check's counts, in the order a clerk reads them. */
const COUNTS: Record<string, string> = {
  records: '档案（件）',
  attachments: '附件（个）',
  files: '已校验文件',
  auditEntries: '日志条目',
  problems: '问题',
  authenticity: '真实性问题',
  integrity: '完整性问题',
  usability: '可用性问题',
  security: '安全性问题',
};

function groupBy(problems: CheckProblem[]): [string, CheckProblem[]][] {
  const groups = new Map<string, CheckProblem[]>();
  for (const p of problems) {
    const key = `${p.aspect ? `${p.aspect} · ` : ''}${TYPES[p.type] ?? p.type}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()];
}

/** When and by whom, as the list's heading says it. */
const ranBy = (run: Pick<CheckRun, 'at' | 'actor' | 'actorDisplay'>): string => `检查时间：${formatDate(run.at)}，检查人：${run.actorDisplay ?? run.actor}`;

function problemList(r: CheckResult, run: Pick<CheckRun, 'at' | 'actor' | 'actorDisplay'> | null): ShownList {
  return {
    title: '档案检查结果',
    note: `${run ? `${ranBy(run)}，` : ''}${r.ok ? '没有发现问题' : `共 ${r.problems.length} 个问题`}`,
    columns: [{ header: '方面', width: 8 }, { header: '问题类型' }, { header: '档案', kind: 'number', width: 8 }, { header: '档号', width: 26 }, { header: '问题', width: 60 }],
    rows: r.problems.map((p) => [p.aspect ?? '', TYPES[p.type] ?? '其他问题', p.record, p.archivalCode, p.message]),
  };
}

export function CheckPage(): React.JSX.Element {
  const task = useLongTask('check.run');
  const last = useApi('check.last', {});
  const [full, setFull] = useState(false);
  const [fix, setFix] = useState(false);
  // What the shown result was asked for (the box may change after).
  const [ranFull, setRanFull] = useState(false);
  // this page's run, else the last one kept (until the next check)
  const kept = last.data ?? null;
  const r = task.result ?? (task.running ? undefined : kept?.result);
  // who and when, as kept (for this page's run once check.last has it)
  const run = kept && (!task.result || kept.id === task.result.run?.id) ? kept : null;
  const start = (): void => {
    setRanFull(full);
    void task.run({ full, fix }).then(last.reload);
  };
  const wasFull = task.result ? ranFull : (kept?.full ?? false);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space align="center">
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={start} loading={task.running}>
            开始检查
          </Button>
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} disabled={task.running}>
            完整校验数据库索引（较慢）
          </Checkbox>
          <Checkbox checked={fix} onChange={(e) => setFix(e.target.checked)} disabled={task.running}>
            把附件库中不属于档案的文件移入隔离文件夹
          </Checkbox>
          <span style={{ color: '#595959' }}>检查著录项、档号、附件完整性（SHA-256）、附件库和操作日志（与锚点、数据逐项核对），不改动任何档案。</span>
        </Space>
      </Card>
      <ErrorAlert error={task.error} />
      {task.cancelled && <Alert type="info" showIcon title="已取消检查。" />}
      {!r && !task.running && !task.error && !task.cancelled && !last.loading && (
        <EmptyState title="还没有检查过" hint="点上面的“开始检查”：核对每件档案的著录项、档号、附件文件（SHA-256）和修改日志，不改动任何档案。" />
      )}
      {r && (
        <>
          <Alert
            type={r.ok ? 'success' : 'warning'}
            showIcon
            data-testid="check-summary"
            title={`${task.result ? '' : '上次检查：'}${r.ok ? '检查通过，没有发现问题。' : `发现 ${r.problems.length} 个问题，请逐项处理。`}`}
            description={`${run ? `${ranBy(run)}。` : ''}${wasFull ? '数据库已完整校验（逐页、逐索引核对）。' : '数据库已快速自检（逐页核对各表结构与约束，操作日志由哈希链逐条核对）；需要逐索引核对时请勾选“完整校验数据库索引”。'}${task.result ? '' : '结果保留到下次检查。'}`}
          />
          {(r.notices ?? []).map((n) => (
            <Alert key={n} type="info" showIcon title={n} />
          ))}
          <div style={{ display: 'flex', alignItems: 'flex-start', gap: 16 }}>
          <Space wrap size="large" style={{ flex: 1 }}>
            {Object.entries(COUNTS)
              .filter(([k]) => k in r.counts)
              .map(([k, label]) => (
                <Statistic key={k} title={label} value={r.counts[k]} />
              ))}
          </Space>
            <ListActions list={() => problemList(r, run)} />
          </div>
          {r.problems.length > 0 && (
            <Collapse
              data-testid="check-problems"
              items={groupBy(r.problems).map(([group, list]) => ({
                key: group,
                label: `${group}（${list.length}）`,
                children: (
                  <Table<CheckProblem & { key: number }>
                    size="small"
                    virtual
                    scroll={{ y: 360 }}
                    pagination={false}
                    dataSource={list.map((p, key) => ({ ...p, key }))}
                    columns={[
                      { title: '档案', dataIndex: 'record', width: 90, render: (id: number | null) => (id ? <a href={href('/records', { id })}>#{id}</a> : '—') },
                      { title: '档号', dataIndex: 'archivalCode', width: 220, render: (v: string | null) => v ?? '—' },
                      { title: '问题', dataIndex: 'message' },
                    ]}
                  />
                ),
              }))}
            />
          )}
        </>
      )}
      <ProgressModal open={task.running} title="正在检查档案" progress={task.progress} onCancel={task.cancel} />
    </Space>
  );
}
