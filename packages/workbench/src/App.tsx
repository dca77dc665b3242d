import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApiFailure, query, request, type SessionUser } from './api';
import { useLang } from './i18n';
import { ExportsPage } from './pages/ExportsPage';
import { ImportPage } from './pages/ImportPage';
import { LoginPage } from './pages/LoginPage';
import { NewLeadPage } from './pages/NewLeadPage';
import { ProjectPage } from './pages/ProjectPage';
import { RegisterPage } from './pages/RegisterPage';
import { WorkPage } from './pages/WorkPage';
import { hrefOf, navigate, useRoute, type Route } from './router';
import { WorkspaceContext, type Workspace } from './session';

/** The server's today: the dashboard's configuration states it (a pinned TODAY included). */
const serverToday = async (): Promise<string> => {
  try {
    const c = await request<{ readonly today?: string }>('GET', '/dashboard/config.json');
    if (typeof c.today === 'string') return c.today;
  } catch {
    // fall back to the browser's day
  }
  return dayjs().format('YYYY-MM-DD');
};

function Page({ route }: { readonly route: Route }) {
  const { t } = useLang();
  switch (route.page) {
    case 'register':
      return <RegisterPage />;
    case 'project':
      return <ProjectPage projectId={route.projectId} />;
    case 'new-lead':
      return <NewLeadPage />;
    case 'import':
      return <ImportPage />;
    case 'exports':
      return <ExportsPage />;
    case 'work':
      return <WorkPage command={route.command} />;
    case 'not-found':
      return <Result status="404" title={t('notFound')} />;
  }
}

export function App() {
  const { lang, setLang, t } = useLang();
  const route = useRoute();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [workspace, setWorkspace] = useState<Workspace | undefined>();

  useEffect(() => {
    dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
    document.title = t('title');
  }, [lang, t]);

  const load = useCallback(async () => {
    try {
      setUser(await request<SessionUser>('GET', '/session'));
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 401) setUser(null);
      else setUser(null);
    }
  }, []);
  useEffect(() => void load(), [load]);

  useEffect(() => {
    if (user === undefined || user === null) return;
    void (async () => {
      const [units, today] = await Promise.all([
        query<ReadonlyArray<{ readonly unitId: string; readonly name: string }>>('/units').catch(() => []),
        serverToday(),
      ]);
      const names = new Map(units.map((u) => [u.unitId, u.name]));
      setWorkspace({ user, units, today, unitName: (id) => names.get(id) ?? id });
    })();
  }, [user]);

  const signOut = async () => {
    await request('DELETE', '/session').catch(() => undefined);
    setWorkspace(undefined);
    setUser(null);
  };

  const selected = route.page === 'project' ? 'register' : route.page;
  const menu = useMemo(
    () => [
      { key: 'register', label: <a href={hrefOf({ page: 'register' })}>{t('register')}</a> },
      { key: 'new-lead', label: <a href={hrefOf({ page: 'new-lead' })}>{t('newLead')}</a> },
      { key: 'import', label: <a href={hrefOf({ page: 'import' })}>{t('import')}</a> },
      { key: 'exports', label: <a href={hrefOf({ page: 'exports' })}>{t('exports')}</a> },
      { key: 'work', label: <a href={hrefOf({ page: 'work' })}>{t('otherWork')}</a> },
    ],
    [t],
  );

  let body;
  if (user === undefined) body = <Spin style={{ margin: 48 }} />;
  else if (user === null) body = <LoginPage onSignedIn={(u) => setUser(u)} />;
  else if (workspace === undefined) body = <Spin style={{ margin: 48 }} />;
  else
    body = (
      <WorkspaceContext.Provider value={workspace}>
        <Page route={route} />
      </WorkspaceContext.Provider>
    );

  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16 }}>
            <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
              {t('title')}
            </Typography.Text>
            {user && (
              <Menu
                theme="dark"
                mode="horizontal"
                selectedKeys={[selected]}
                items={menu}
                style={{ flex: 1, minWidth: 0 }}
                onClick={({ key, domEvent }) => {
                  domEvent.preventDefault();
                  navigate({ page: key as 'register' | 'new-lead' | 'import' | 'exports' | 'work' });
                }}
              />
            )}
            <Space style={{ marginLeft: 'auto' }}>
              {user && (
                <a href="/dashboard?view=screen" target="_blank" rel="noreferrer" data-link="big-screen">
                  {t('bigScreen')}
                </a>
              )}
              <Button size="small" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-lang-toggle>
                {t('language')}
              </Button>
              {user && (
                <>
                  <Typography.Text style={{ color: '#fff' }} data-user={user.userId}>
                    {user.displayName}
                  </Typography.Text>
                  <Button size="small" onClick={() => void signOut()}>
                    {t('signOut')}
                  </Button>
                </>
              )}
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 16 }}>{body}</Layout.Content>
        </Layout>
      </AntApp>
    </ConfigProvider>
  );
}
