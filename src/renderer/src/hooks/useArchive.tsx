// What every page needs about the open archive: app info, communities, vocabulary. Loaded once, reloadable.
import { createContext, useContext, type ReactNode } from 'react';
import type { AppInfo, VocabularyInfo } from '../../../shared/api';
import type { Community } from '../../../shared/domain';
import { useApi } from './useApi';

export interface ArchiveInfo {
  info: AppInfo | undefined;
  communities: Community[];
  /** the info and the communities have come (before, an empty list says nothing) */
  loaded: boolean;
  vocabulary: VocabularyInfo | undefined;
  error: unknown;
  reload: () => void;
}

const ArchiveContext = createContext<ArchiveInfo | null>(null);

export function ArchiveProvider({ children }: { children: ReactNode }): React.JSX.Element {
  const info = useApi('app.info', {});
  const communities = useApi('communities.list', {});
  const vocabulary = useApi('vocabulary.get', {});
  const value: ArchiveInfo = {
    info: info.data,
    communities: communities.data ?? [],
    loaded: info.data !== undefined && communities.data !== undefined,
    vocabulary: vocabulary.data,
    error: info.error ?? communities.error ?? vocabulary.error,
    reload: () => {
      info.reload();
      communities.reload();
    },
  };
  return <ArchiveContext.Provider value={value}>{children}</ArchiveContext.Provider>;
}

export function useArchive(): ArchiveInfo {
  const value = useContext(ArchiveContext);
  if (!value) throw new Error('useArchive outside ArchiveProvider');
  return value;
}
