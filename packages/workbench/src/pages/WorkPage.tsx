import { useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Result, Row, Space, Spin, Typography } from 'antd';
import { otherCommandLabels, type OtherCommandType } from '@zhaoshang/domain';
import { commandLabelOf, workAreas } from '../commands';
import { CommandForm } from '../components/CommandForm';
import { useLang } from '../i18n';
import { hrefOf, navigate } from '../router';
import { commandRoutes, fillPath } from '../routes';
import { useWorkspace } from '../session';

const isOtherCommand = (c: string): c is OtherCommandType => Object.hasOwn(otherCommandLabels, c);

/** Where a command's result is seen: its area's read, with the ids of the body sent. */
const seeAtOf = (command: OtherCommandType): string | undefined =>
  workAreas.flatMap((a) => a.commands).find((c) => c.command === command)?.seeAt;

/**
 * 其他事项 (issue #18 item 1): the commands of the other aggregates — enterprise requests, meetings
 * and their items, land, targets, leaders' trips, advisors, the working calendar — that the signed-in
 * person's role may issue (each operation's `x-roles` in /openapi.json), by area; each opens the
 * form generated from its codec, answered with where to see the result.
 */
export function WorkPage({ command }: { readonly command: string | undefined }) {
  const { t } = useLang();
  const { units, today, user } = useWorkspace();
  const { message } = AntApp.useApp();
  const [allowed, setAllowed] = useState<ReadonlySet<string> | undefined>();
  const [done, setDone] = useState<string | undefined>();

  useEffect(() => {
    void commandRoutes().then((routes) =>
      setAllowed(new Set([...routes].filter(([, r]) => r.roles.includes(user.role)).map(([c]) => c))),
    );
  }, [user.role]);
  useEffect(() => setDone(undefined), [command]);

  const defaults = useMemo(
    () => (units.some((u) => u.unitId === user.unitId) ? { unitId: user.unitId } : {}),
    [units, user.unitId],
  );

  if (allowed === undefined) return <Spin style={{ margin: 48 }} />;

  if (command !== undefined && isOtherCommand(command) && allowed.has(command)) {
    const seeAt = seeAtOf(command);
    return (
      <Card
        title={t(commandLabelOf(command))}
        style={{ maxWidth: 760 }}
        extra={<a href={hrefOf({ page: 'work' })}>{t('backToWork')}</a>}
      >
        {done !== undefined ? (
          <Result
            status="success"
            title={t('saved')}
            data-recorded={command}
            extra={
              <Space>
                {seeAt !== undefined && (
                  <Button type="primary" href={done} target="_blank" data-see-result={done}>
                    {t('seeResult')}
                  </Button>
                )}
                <Button onClick={() => setDone(undefined)}>{t('recordAnother')}</Button>
              </Space>
            }
          />
        ) : (
          <CommandForm
            command={command}
            today={today}
            units={units}
            defaults={defaults}
            onDone={({ body }) => {
              void message.success(t('saved'));
              setDone(seeAt === undefined ? '' : fillPath(seeAt, body));
            }}
            onCancel={() => navigate({ page: 'work' })}
          />
        )}
      </Card>
    );
  }

  const areas = workAreas
    .map((a) => ({ ...a, commands: a.commands.filter((c) => allowed.has(c.command)) }))
    .filter((a) => a.commands.length > 0);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('otherWork')}
      </Typography.Title>
      {areas.length === 0 && <Alert type="info" showIcon title={t('otherWorkNone')} />}
      <Row gutter={[16, 16]}>
        {areas.map((a) => (
          <Col key={a.key} xs={24} md={12} xl={8}>
            <Card title={t(a.label)} size="small" data-area={a.key}>
              <Space direction="vertical">
                {a.commands.map((c) => (
                  <a
                    key={c.command}
                    href={hrefOf({ page: 'work', command: c.command })}
                    data-work-command={c.command}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate({ page: 'work', command: c.command });
                    }}
                  >
                    {t(commandLabelOf(c.command))}
                  </a>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {(allowed.has('PublishBulletin') || allowed.has('CorrectBulletin')) && (
        <Alert type="info" showIcon title={t('bulletinsNote')} />
      )}
    </Space>
  );
}
