import { useState } from 'react';
import { Card, Input, List, Typography } from 'antd';
import { useLang } from '../i18n';
import { useWorkspace } from '../session';

/** 导出: download links of the register and a bulletin (the session cookie goes with a link as with a fetch). */
export function ExportsPage() {
  const { t } = useLang();
  const { today } = useWorkspace();
  const [period, setPeriod] = useState(today.slice(0, 7));
  const links = [
    { label: t('exportRegister'), href: `/exports/register?format=xlsx&asOf=${today}` },
    { label: t('exportRegisterCsv'), href: `/exports/register?format=csv&asOf=${today}` },
    { label: t('exportBulletin'), href: `/exports/bulletins/${encodeURIComponent(period)}?format=xlsx` },
  ];
  return (
    <Card title={t('exports')} style={{ maxWidth: 640 }}>
      <Input
        addonBefore={t('period')}
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
        style={{ marginBottom: 16 }}
      />
      <List
        dataSource={links}
        renderItem={(l) => (
          <List.Item>
            <Typography.Link href={l.href} download data-export={l.href}>
              {l.label}
            </Typography.Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
