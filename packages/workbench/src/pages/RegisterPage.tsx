import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { vocabulary, type Stage } from '@zhaoshang/domain';
import type { RegisterEntry } from '@zhaoshang/projections';
import { ApiFailure, query } from '../api';
import { LIGHT_COLOURS, yiOf } from '../format';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useWorkspace } from '../session';

interface Page<T> {
  readonly items: ReadonlyArray<T>;
  readonly total: number;
}
const PAGE = 500;

/** Every page of the register (of one unit when chosen): the search and the other filters run here. */
const loadRegister = async (unitId: string | undefined, lang: 'zh' | 'en'): Promise<RegisterEntry[]> => {
  const out: RegisterEntry[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const params = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
    if (unitId !== undefined) params.set('unitId', unitId);
    const page = await query<Page<RegisterEntry>>(`/projects?${params.toString()}`, lang);
    out.push(...page.items);
    if (page.items.length < PAGE || out.length >= page.total) return out;
  }
};

/** 项目台账: the register with search (name, investor, code) and filters (unit, stage, light, channel). */
export function RegisterPage() {
  const { t, lang } = useLang();
  const { units, unitName } = useWorkspace();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [entries, setEntries] = useState<RegisterEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<Stage | undefined>();
  const [light, setLight] = useState<string | undefined>();
  const [channel, setChannel] = useState<string | undefined>();

  useEffect(() => {
    setEntries(undefined);
    loadRegister(unitId, lang).then(setEntries, (e: unknown) =>
      setError(e instanceof ApiFailure ? e.body.message[lang] : String(e)),
    );
  }, [unitId, lang]);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (entries ?? []).filter(
      (e) =>
        (q === '' ||
          e.name.toLowerCase().includes(q) ||
          (e.investorName ?? '').toLowerCase().includes(q) ||
          e.projectId.toLowerCase().includes(q)) &&
        (stage === undefined || e.stage === stage) &&
        (light === undefined || e.light === light) &&
        (channel === undefined || e.channel === channel),
    );
  }, [entries, search, stage, light, channel]);

  const labelled = <K extends string>(labels: Readonly<Record<K, { zh: string; en: string }>>) =>
    (Object.entries(labels) as Array<[K, { zh: string; en: string }]>).map(([value, label]) => ({
      value,
      label: t(label),
    }));

  /** One filter of the register: a select of labelled values, cleared to show all. */
  const filter = <V extends string>(
    key: 'unit' | 'stage' | 'light' | 'channel',
    width: number,
    value: V | undefined,
    set: (v: V | undefined) => void,
    options: ReadonlyArray<{ readonly value: V; readonly label: string }>,
  ) => (
    <Select<V>
      allowClear
      placeholder={t(key)}
      style={{ width }}
      value={value}
      onChange={(v?: V) => set(v)}
      options={[...options]}
      data-filter={key}
    />
  );

  return (
    <Card
      title={t('register')}
      extra={<Button onClick={() => navigate({ page: 'new-lead' })}>{t('newLead')}</Button>}
    >
      {error !== undefined && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 280 }}
          onChange={(e) => setSearch(e.target.value)}
          data-filter="search"
        />
        {filter(
          'unit',
          180,
          unitId,
          setUnitId,
          units.map((u) => ({ value: u.unitId, label: u.name })),
        )}
        {filter('stage', 160, stage, setStage, labelled(vocabulary.stages))}
        {filter('light', 120, light, setLight, labelled(vocabulary.trafficLights))}
        {filter('channel', 160, channel, setChannel, labelled(vocabulary.channels))}
      </Space>
      <Table<RegisterEntry>
        rowKey="projectId"
        size="middle"
        loading={entries === undefined && error === undefined}
        dataSource={shown}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (n) => t('total', { n }) }}
        onRow={(e) => ({
          onClick: () => navigate({ page: 'project', projectId: e.projectId }),
          style: { cursor: 'pointer' },
          'data-project-id': e.projectId,
        })}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('name'),
            dataIndex: 'name',
            render: (name: string, e) => (
              <Space direction="vertical" size={0}>
                <Typography.Link>{name}</Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.projectId}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('investor'), dataIndex: 'investorName' },
          { title: t('unit'), dataIndex: 'unitId', render: (id: string) => unitName(id) },
          {
            title: t('stage'),
            dataIndex: 'stage',
            render: (s: Stage) => t(vocabulary.stages[s]),
          },
          {
            title: t('light'),
            dataIndex: 'light',
            render: (l: keyof typeof vocabulary.trafficLights) => (
              <Tag color={LIGHT_COLOURS[l]}>{t(vocabulary.trafficLights[l])}</Tag>
            ),
          },
          {
            title: t('channel'),
            dataIndex: 'channel',
            render: (c?: string) =>
              c !== undefined && c in vocabulary.channels
                ? t(vocabulary.channels[c as keyof typeof vocabulary.channels])
                : (c ?? ''),
          },
          {
            title: t('investment'),
            align: 'right',
            render: (_, e) => yiOf(e.investment > 0 ? e.investment : e.intendedInvestment),
          },
          {
            title: t('leaders'),
            render: (_, e) =>
              Object.values(e.leaders)
                .map((l) => l?.name)
                .filter((n) => n !== undefined)
                .join('、'),
          },
          { title: t('nextDeadline'), dataIndex: 'nextDeadline' },
          { title: t('lastActivity'), dataIndex: 'lastActivityOn' },
        ]}
      />
    </Card>
  );
}
