import { useEffect, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { ApiFailure, query, request } from '../api';
import { useLang } from '../i18n';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface ImportRow {
  readonly row: number;
  readonly projectId?: string;
  readonly match?: string;
  readonly problems: ReadonlyArray<{
    readonly message?: { readonly zh: string; readonly en: string };
    readonly column?: string;
  }>;
  readonly commands: ReadonlyArray<{ readonly fact: string; readonly outcome: string }>;
}
interface ImportReport {
  readonly dryRun: boolean;
  readonly summary: Readonly<Record<string, number>>;
  readonly rows: ReadonlyArray<ImportRow>;
}

/**
 * Excel 导入 (docs/integration.md): the office's workbook is posted with a saved mapping profile,
 * first as a dry run (row by row: what would be recorded, every cell that cannot be read), then for real.
 */
export function ImportPage() {
  const { t, lang } = useLang();
  const [profiles, setProfiles] = useState<ReadonlyArray<string>>([]);
  const [profile, setProfile] = useState<string | undefined>();
  const [sheet, setSheet] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<ImportReport | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    query<ReadonlyArray<string | { readonly name: string }>>('/imports/profiles', lang).then(
      (list) => setProfiles(list.map((p) => (typeof p === 'string' ? p : p.name))),
      (e: unknown) => setError(e instanceof ApiFailure ? e.body.message[lang] : String(e)),
    );
  }, [lang]);

  const send = async (dryRun: boolean) => {
    if (file === undefined || profile === undefined) return;
    setBusy(true);
    setError(undefined);
    try {
      const params = new URLSearchParams({ profile });
      if (sheet.trim() !== '') params.set('sheet', sheet.trim());
      setReport(
        await request<ImportReport>('POST', `/imports${dryRun ? '/dry-run' : ''}?${params.toString()}`, {
          raw: file,
          contentType: XLSX,
          lang,
        }),
      );
    } catch (e) {
      setError(e instanceof ApiFailure ? e.body.message[lang] : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('import')}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error !== undefined && <Alert type="error" showIcon title={error} />}
        <Space wrap>
          <Select
            placeholder={t('profile')}
            style={{ width: 220 }}
            value={profile}
            onChange={(v: string) => setProfile(v)}
            options={profiles.map((p) => ({ value: p, label: p }))}
          />
          <Input
            placeholder={t('sheet')}
            style={{ width: 180 }}
            value={sheet}
            onChange={(e) => setSheet(e.target.value)}
          />
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setReport(undefined);
              return false;
            }}
            onRemove={() => setFile(undefined)}
          >
            <Button>{t('chooseWorkbook')}</Button>
          </Upload>
          <Button disabled={!file || !profile} loading={busy} onClick={() => void send(true)}>
            {t('dryRun')}
          </Button>
          <Button
            type="primary"
            disabled={!file || !profile || report === undefined || !report.dryRun}
            loading={busy}
            onClick={() => void send(false)}
          >
            {t('commit')}
          </Button>
        </Space>
        {report !== undefined && (
          <>
            <Space wrap size="large">
              {Object.entries(report.summary).map(([k, v]) => (
                <Statistic key={k} title={k} value={v} />
              ))}
            </Space>
            <Table<ImportRow>
              size="small"
              rowKey="row"
              dataSource={[...report.rows]}
              columns={[
                { title: t('rows'), dataIndex: 'row', width: 70 },
                { title: t('code'), dataIndex: 'projectId' },
                {
                  title: t('commands'),
                  render: (_, r) =>
                    r.commands.map((c) => (
                      <Tag
                        key={c.fact}
                        color={
                          c.outcome === 'appended' ? 'green' : c.outcome === 'refused' ? 'red' : 'default'
                        }
                      >
                        {c.fact} · {c.outcome}
                      </Tag>
                    )),
                },
                {
                  title: t('problems'),
                  render: (_, r) =>
                    r.problems.map((p, i) => (
                      <Typography.Text key={i} type="danger" style={{ display: 'block' }}>
                        {p.column !== undefined ? `${p.column}：` : ''}
                        {p.message?.[lang] ?? ''}
                      </Typography.Text>
                    )),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
