import { useEffect, useState } from 'react';
import { Alert, Button, Card, Divider, Form, Input } from 'antd';
import { ApiFailure, request, type SessionUser } from '../api';
import { useLang } from '../i18n';

/** Whether the server offers OpenID Connect: GET /session/oidc redirects to the IdP only when configured. */
const oidcOffered = async (): Promise<boolean> => {
  try {
    const res = await fetch('/session/oidc', { redirect: 'manual', credentials: 'same-origin' });
    return res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
  } catch {
    return false;
  }
};

/** 登录: username and password (POST /session), or the region's identity provider when configured. */
export function LoginPage({ onSignedIn }: { readonly onSignedIn: (u: SessionUser) => void }) {
  const { t, lang } = useLang();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [oidc, setOidc] = useState(false);
  useEffect(() => void oidcOffered().then(setOidc), []);

  const submit = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await request<SessionUser>('POST', '/session', { body: v, lang }));
    } catch (e) {
      setError(e instanceof ApiFailure ? e.body.message[lang] : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('signIn')} style={{ maxWidth: 400, margin: '48px auto' }}>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          title={`${t('signInFailed')}：${error}`}
          style={{ marginBottom: 16 }}
          data-login-error
        />
      )}
      <Form layout="vertical" onFinish={(v: { username: string; password: string }) => void submit(v)}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="username" id="username" />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('required') }]}>
          <Input.Password autoComplete="current-password" id="password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-sign-in>
          {t('signIn')}
        </Button>
      </Form>
      {oidc && (
        <>
          <Divider />
          <Button block href="/session/oidc" data-oidc>
            {t('oidc')}
          </Button>
        </>
      )}
    </Card>
  );
}
