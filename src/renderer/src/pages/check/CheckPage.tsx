// 档案检查: run the inspection (metadata, 档号, fixity, integrity) with progress and cancel; problems by kind.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Collapse, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { CheckProblem } from '../../../../shared/check';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProgressModal } from '../../components/ProgressModal';
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

export function CheckPage(): React.JSX.Element {
  const task = useLongTask('check.run');
  const [full, setFull] = useState(false);
  const [fix, setFix] = useState(false);
  // What the shown result was asked for (the box may change after).
  const [ranFull, setRanFull] = useState(false);
  const r = task.result;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space align="center">
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => {
              setRanFull(full);
              task.run({ full, fix });
            }} loading={task.running}>
            开始检查
          </Button>
          <Checkbox checked={full} onChange={(e) => setFull(e.target.checked)} disabled={task.running}>
            完整校验数据库索引（较慢）
          </Checkbox>
          <Checkbox checked={fix} onChange={(e) => setFix(e.target.checked)} disabled={task.running}>
            把附件库中不属于档案的文件移入隔离文件夹
          </Checkbox>
          <span style={{ color: '#888' }}>检查著录项、档号、附件完整性（SHA-256）、附件库和操作日志（与锚点、数据逐项核对），不改动任何档案。</span>
        </Space>
      </Card>
      <ErrorAlert error={task.error} />
      {task.cancelled && <Alert type="info" showIcon title="已取消检查。" />}
      {!r && !task.running && !task.error && !task.cancelled && <EmptyState title="尚未检查" hint="点击“开始检查”，对整个档案库做一次四性检测。" />}
      {r && (
        <>
          <Alert
            type={r.ok ? 'success' : 'warning'}
            showIcon
            data-testid="check-summary"
            title={r.ok ? '检查通过，没有发现问题。' : `发现 ${r.problems.length} 个问题，请逐项处理。`}
            description={ranFull ? '数据库已完整校验（逐页、逐索引核对）。' : '数据库已快速自检（逐页核对各表结构与约束，操作日志由哈希链逐条核对）；需要逐索引核对时请勾选“完整校验数据库索引”。'}
          />
          {(r.notices ?? []).map((n) => (
            <Alert key={n} type="info" showIcon title={n} />
          ))}
          <Space wrap size="large">
            {Object.entries(COUNTS)
              .filter(([k]) => k in r.counts)
              .map(([k, label]) => (
                <Statistic key={k} title={label} value={r.counts[k]} />
              ))}
          </Space>
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
