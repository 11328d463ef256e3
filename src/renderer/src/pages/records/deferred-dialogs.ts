// The records page's dialogs and drawer, loaded when first opened (components/deferred.tsx).
import { deferred } from '../../components/deferred';

export const RecordForm = deferred(() => import('./RecordForm').then((m) => m.RecordForm), (p) => p.open);
export const FilingModal = deferred(() => import('./FilingModal').then((m) => m.FilingModal), (p) => p.open);
export const RecordDrawer = deferred(() => import('./RecordDrawer').then((m) => m.RecordDrawer), (p) => p.id !== null);
export const ProgressModal = deferred(() => import('../../components/ProgressModal').then((m) => m.ProgressModal), (p) => p.open);
