import { useMemo } from 'react';
import { App as AntApp, Card } from 'antd';
import { projectCommandLabels } from '@zhaoshang/domain';
import { CommandForm } from '../components/CommandForm';
import { useLang } from '../i18n';
import { navigate } from '../router';
import { useWorkspace } from '../session';

/** 录入线索: the CaptureLead form; an officer's unit is pre-filled. */
export function NewLeadPage() {
  const { t } = useLang();
  const { units, today, user } = useWorkspace();
  const { message } = AntApp.useApp();
  const defaults = useMemo(
    () => (units.some((u) => u.unitId === user.unitId) ? { unitId: user.unitId } : {}),
    [units, user.unitId],
  );
  return (
    <Card title={t(projectCommandLabels.CaptureLead)} style={{ maxWidth: 760 }}>
      <CommandForm
        command="CaptureLead"
        today={today}
        units={units}
        defaults={defaults}
        onDone={({ projectId }) => {
          void message.success(t('saved'));
          navigate(projectId === undefined ? { page: 'register' } : { page: 'project', projectId });
        }}
      />
    </Card>
  );
}
