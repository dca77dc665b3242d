import { createContext, useContext } from 'react';
import type { SessionUser } from './api';

/** What every page knows: who is signed in, the units by name, the server's today. */
export interface Workspace {
  readonly user: SessionUser;
  readonly units: ReadonlyArray<{ readonly unitId: string; readonly name: string }>;
  readonly unitName: (unitId: string) => string;
  readonly today: string;
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined);

export const useWorkspace = (): Workspace => {
  const w = useContext(WorkspaceContext);
  if (w === undefined) throw new Error('useWorkspace outside the signed-in workbench');
  return w;
};
