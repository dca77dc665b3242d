import { useEffect, useState } from 'react';

/** Where the API serves the workbench (vite.config.mts `base`). */
export const BASE = '/workbench';

export type Route =
  | { readonly page: 'register' }
  | { readonly page: 'project'; readonly projectId: string }
  | { readonly page: 'new-lead' }
  | { readonly page: 'import' }
  | { readonly page: 'exports' }
  // the other aggregates' forms (其他事项), one command's form when named
  | { readonly page: 'work'; readonly command?: string }
  | { readonly page: 'not-found' };

/** The page a path of the workbench shows. */
export const routeOf = (pathname: string): Route => {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = rest.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { page: 'register' };
  if (parts[0] === 'projects' && parts.length === 2)
    return { page: 'project', projectId: decodeURIComponent(parts[1]!) };
  if (parts[0] === 'new' && parts.length === 1) return { page: 'new-lead' };
  if (parts[0] === 'import' && parts.length === 1) return { page: 'import' };
  if (parts[0] === 'exports' && parts.length === 1) return { page: 'exports' };
  if (parts[0] === 'work' && parts.length <= 2)
    return parts[1] === undefined
      ? { page: 'work' }
      : { page: 'work', command: decodeURIComponent(parts[1]) };
  return { page: 'not-found' };
};

export const hrefOf = (route: Route): string => {
  switch (route.page) {
    case 'register':
      return `${BASE}/`;
    case 'project':
      return `${BASE}/projects/${encodeURIComponent(route.projectId)}`;
    case 'new-lead':
      return `${BASE}/new`;
    case 'import':
      return `${BASE}/import`;
    case 'exports':
      return `${BASE}/exports`;
    case 'work':
      return route.command === undefined
        ? `${BASE}/work`
        : `${BASE}/work/${encodeURIComponent(route.command)}`;
    case 'not-found':
      return `${BASE}/`;
  }
};

const listeners = new Set<() => void>();
export const navigate = (route: Route): void => {
  window.history.pushState(null, '', hrefOf(route));
  for (const l of listeners) l();
};

/** The current route, following links and the browser's back and forward. */
export const useRoute = (): Route => {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(routeOf(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
};
