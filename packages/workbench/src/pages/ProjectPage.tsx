import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Drawer,
  Row,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import {
  projectActionsAt,
  projectCommandLabels,
  vocabulary,
  type Label,
  type ProjectCommandType,
} from '@zhaoshang/domain';
import type { RegisterEntry } from '@zhaoshang/projections';
import { ApiFailure, query } from '../api';
import { CommandForm } from '../components/CommandForm';
import { LIGHT_COLOURS, yiOf } from '../format';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useWorkspace } from '../session';

interface HistoryEvent {
  readonly revision: number;
  readonly type: string;
  readonly businessTime?: string;
  readonly recordedAt: string;
  readonly actor?: { readonly userId: string; readonly role: string; readonly unitId?: string };
  readonly reason?: string;
}
interface History {
  readonly chain: { readonly ok: boolean };
  readonly events: ReadonlyArray<HistoryEvent>;
}

const eventLabel = (type: string): Label =>
  (vocabulary.eventTypes as Readonly<Record<string, Label>>)[type] ?? { zh: type, en: type };

/** 项目详情: the project's entry, milestones and deadlines, timeline, and the actions its stage allows. */
export function ProjectPage({ projectId }: { readonly projectId: string }) {
  const { t, lang } = useLang();
  const { units, unitName, today } = useWorkspace();
  const { message } = AntApp.useApp();
  const [entry, setEntry] = useState<RegisterEntry | undefined>();
  const [history, setHistory] = useState<History | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [action, setAction] = useState<ProjectCommandType | undefined>();

  const load = useCallback(async () => {
    try {
      const id = encodeURIComponent(projectId);
      const [e, h] = await Promise.all([
        query<RegisterEntry>(`/projects/${id}`, lang),
        query<History>(`/projects/${id}/history`, lang).catch(() => undefined),
      ]);
      setEntry(e);
      setHistory(h);
    } catch (e) {
      setError(e instanceof ApiFailure ? e.body.message[lang] : String(e));
    }
  }, [projectId, lang]);
  useEffect(() => void load(), [load]);

  if (error !== undefined) return <Alert type="error" showIcon title={error} />;
  if (entry === undefined) return <Card loading />;

  const actions = projectActionsAt(entry.stage);
  const nodeLight = new Map(entry.nodeLights.map((n) => [n.key, n.light]));
  const leaders = (
    Object.entries(entry.leaders) as Array<[keyof typeof vocabulary.leaderRoles, { name: string }]>
  )
    .map(([role, l]) => `${t(vocabulary.leaderRoles[role])}：${l.name}`)
    .join('；');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-project={entry.projectId}>
      <Button onClick={() => navigate({ page: 'register' })}>{t('back')}</Button>
      <Card
        title={
          <Space>
            <span data-project-name>{entry.name}</span>
            <Tag color={LIGHT_COLOURS[entry.light]} data-light={entry.light}>
              {t(vocabulary.trafficLights[entry.light])}
            </Tag>
            <Tag data-stage={entry.stage}>{t(vocabulary.stages[entry.stage])}</Tag>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('code')}>{entry.projectId}</Descriptions.Item>
          <Descriptions.Item label={t('unit')}>{unitName(entry.unitId)}</Descriptions.Item>
          <Descriptions.Item label={t('investor')}>{entry.investorName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('investment')}>
            {yiOf(entry.investment > 0 ? entry.investment : entry.intendedInvestment)}
          </Descriptions.Item>
          <Descriptions.Item label={t('channel')}>
            {entry.channel !== undefined && entry.channel in vocabulary.channels
              ? t(vocabulary.channels[entry.channel as keyof typeof vocabulary.channels])
              : (entry.channel ?? '')}
          </Descriptions.Item>
          <Descriptions.Item label={t('nextDeadline')}>{entry.nextDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('leaders')}>{leaders || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('lastActivity')}>{entry.lastActivityOn}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title={t('nodes')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={[...entry.nodes]}
              data-nodes
              columns={[
                { title: t('node'), dataIndex: 'label' },
                { title: t('due'), dataIndex: 'dueOn' },
                { title: t('done'), dataIndex: 'doneOn' },
                {
                  title: t('light'),
                  render: (_, n) => {
                    const l = nodeLight.get(n.key);
                    return l === undefined ? (
                      ''
                    ) : (
                      <Tag color={LIGHT_COLOURS[l]}>{t(vocabulary.trafficLights[l])}</Tag>
                    );
                  },
                },
              ]}
            />
          </Card>
          <Card
            title={t('timeline')}
            extra={
              history && (
                <Typography.Text type={history.chain.ok ? 'success' : 'danger'}>
                  {t('chain')}：{t(history.chain.ok ? 'ok' : 'broken')}
                </Typography.Text>
              )
            }
          >
            <Timeline
              data-timeline
              items={[...(history?.events ?? [])].reverse().map((e) => ({
                key: e.revision,
                content: (
                  <Space direction="vertical" size={0} data-event={e.type}>
                    <Typography.Text strong>{t(eventLabel(e.type))}</Typography.Text>
                    <Typography.Text type="secondary">
                      {(e.businessTime ?? e.recordedAt).slice(0, 10)}
                      {e.actor !== undefined ? ` · ${e.actor.userId}` : ''}
                    </Typography.Text>
                    {e.reason !== undefined && <Typography.Text>{e.reason}</Typography.Text>}
                  </Space>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('actions')}>
            {actions.length === 0 ? (
              <Typography.Text type="secondary">{t('noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {actions.map((a) => (
                  <Button key={a} onClick={() => setAction(a)} data-action={a}>
                    {t(projectCommandLabels[a])}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <Drawer
        open={action !== undefined}
        size={640}
        title={action === undefined ? '' : t(projectCommandLabels[action])}
        onClose={() => setAction(undefined)}
        destroyOnHidden
      >
        {action !== undefined && (
          <CommandForm
            command={action}
            projectId={entry.projectId}
            today={today}
            units={units}
            onCancel={() => setAction(undefined)}
            onDone={() => {
              void message.success(`${t('saved')}：${t(projectCommandLabels[action])}`);
              setAction(undefined);
              void load();
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}
