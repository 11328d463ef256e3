// Columns the appraisal tables share, and today's date as the date inputs want it.
import type { TableColumnsType } from 'antd';
import type { DueItem } from '../../../../shared/lifecycle';
import { href } from '../../hooks/useHashRoute';

export const today = (): string => new Date().toLocaleDateString('sv-SE');

export function dueColumns<T extends DueItem>(): TableColumnsType<T> {
  return [
    { title: '档号', dataIndex: 'archivalCode', width: 230, render: (v: string, r) => <a href={href('/records', { id: r.id })}>{v}</a> },
    { title: '题名', dataIndex: 'title', ellipsis: true },
    { title: '社区', dataIndex: 'community', width: 110, ellipsis: true },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '保管期限', dataIndex: 'retention', width: 90 },
  ];
}
