// What can be done with the rows picked in the records list (the batch bar's buttons). Each action
// says which contract method's role it needs and, for the selection at hand, why it cannot run (its
// button is then disabled with that tip). A new one (鉴定, 移交, 冻结 …) is one more entry of
// BATCH_ACTIONS; its `render` shows whatever dialog it needs.
import type { ReactNode } from 'react';
import type { ApiMethod } from '../../../../../shared/api';
import type { ArchiveRecord } from '../../../../../shared/domain';
import type { RecordQuery } from '../../../../../shared/schemas';
import type { RowSelection } from '../../../components/grid/useRowSelection';
import { fileSelection } from './file';

export interface BatchScope {
  selection: RowSelection<ArchiveRecord>;
  /** the list's query (filters and sort, no paging) */
  query: RecordQuery;
  /** how many match the query */
  total: number;
}

export interface BatchActionProps {
  scope: BatchScope;
  onClose: () => void;
  /** the archive changed: the list reloads and the selection clears (the dialog stays, showing the result) */
  onDone: () => void;
}

export interface BatchAction {
  key: string;
  label: string;
  icon?: ReactNode;
  /** shown only to a role that may call it */
  needs: ApiMethod;
  /** why this selection cannot take the action (the disabled button's tip), or null */
  blocked: (scope: BatchScope) => string | null;
  /** the dialog that carries it out */
  render: (props: BatchActionProps) => ReactNode;
}

export const BATCH_ACTIONS: BatchAction[] = [fileSelection];
