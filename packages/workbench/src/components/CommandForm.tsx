import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Switch,
  Upload,
  type FormInstance,
} from 'antd';
import dayjs from 'dayjs';
import { streamPrefixes, type Label } from '@zhaoshang/domain';
import { ApiFailure, newIdempotencyKey, request, type ErrorBody } from '../api';
import { commandFormOf, commandLabelOf, type FormCommandType } from '../commands';
import {
  bodyOf,
  fieldPathOf,
  hasField,
  initialValuesOf,
  type FieldProblem,
  type FieldSpec,
  type MoneyValue,
} from '../form-model';
import { useLang } from '../i18n';
import { amountErrorText, MONEY_UNITS, type MoneyUnit } from '../money';
import { commandRoutes, fillPath } from '../routes';
import { expectedText } from './expected';

type NamePath = ReadonlyArray<string | number>;

/** The money input: the amount as typed, its unit beside it (亿元 / 万元), converted only on submit. */
function MoneyInput({
  value,
  onChange,
  units,
  id,
}: {
  readonly value?: MoneyValue;
  readonly onChange?: (v: MoneyValue) => void;
  readonly units: ReadonlyArray<MoneyUnit>;
  readonly id?: string;
}) {
  const { lang } = useLang();
  const unit = value?.unit ?? units[0]!;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        inputMode="decimal"
        value={value?.amount ?? ''}
        onChange={(e) => onChange?.({ ...value, unit, amount: e.target.value })}
      />
      <Select
        style={{ width: 110 }}
        value={unit}
        data-unit-select={id}
        onChange={(u: MoneyUnit) => onChange?.({ ...value, unit: u })}
        options={units.map((u) => ({ value: u, label: MONEY_UNITS[u][lang] }))}
      />
    </Space.Compact>
  );
}

/** SHA-256 of a chosen file, computed in the browser: evidence names its document by digest. */
const sha256Of = async (file: File): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer())), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');

interface FieldProps<S extends FieldSpec = FieldSpec> {
  readonly spec: S;
  /** The parent's name path as the enclosing Form.Item / Form.List sees it (relative in a list). */
  readonly path: NamePath;
  /** The parent's name path in the whole form (to watch a value). */
  readonly abs: NamePath;
  readonly units: ReadonlyArray<{ readonly unitId: string; readonly name: string }>;
  readonly form: FormInstance;
}

/** A field that is one of several shapes: the choice of its alternative, then that one's fields. */
function VariantField({ spec, path, abs, units, form }: FieldProps<Extract<FieldSpec, { kind: 'variant' }>>) {
  const { t } = useLang();
  const name = [...path, spec.name];
  const tag: unknown = Form.useWatch([...abs, spec.name, 'kind'], form);
  const chosen = spec.variants.find((v) => v.tag === tag);
  return (
    <Card size="small" title={t(spec.label)} style={{ marginBottom: 16 }}>
      <Form.Item name={[...name, 'kind']} data-field={[...name, 'kind'].join('.')}>
        <Select options={spec.variants.map((v) => ({ value: v.tag, label: t(v.label) }))} />
      </Form.Item>
      {chosen?.fields.map((f) => (
        <Field
          key={`${chosen.tag}.${f.name}`}
          spec={f}
          path={name}
          abs={[...abs, spec.name]}
          units={units}
          form={form}
        />
      ))}
    </Card>
  );
}

function Field({ spec, path, abs, units, form }: FieldProps) {
  const { t } = useLang();
  const name = [...path, spec.name];
  const label = t(spec.label);
  const rules = spec.required && spec.kind !== 'boolean' ? [{ required: true, message: t('required') }] : [];
  const common = { name, label, rules, 'data-field': name.join('.') } as const;
  switch (spec.kind) {
    case 'text':
      return (
        <Form.Item {...common}>
          {spec.multiline ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
        </Form.Item>
      );
    case 'unit':
      return (
        <Form.Item {...common}>
          <Select
            options={units.map((u) => ({ value: u.unitId, label: u.name }))}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
      );
    case 'date':
    case 'month':
    case 'year': {
      const format = spec.kind === 'date' ? 'YYYY-MM-DD' : spec.kind === 'month' ? 'YYYY-MM' : 'YYYY';
      return (
        <Form.Item
          {...common}
          getValueProps={(v: unknown) => ({
            value: v === undefined || v === null || v === '' ? undefined : dayjs(String(v)),
          })}
          normalize={(d: dayjs.Dayjs | null) =>
            d === null ? undefined : spec.kind === 'year' ? d.year() : d.format(format)
          }
        >
          <DatePicker
            picker={spec.kind === 'date' ? 'date' : spec.kind}
            format={format}
            style={{ width: '100%' }}
          />
        </Form.Item>
      );
    }
    case 'money':
      return (
        <Form.Item {...common}>
          <MoneyInput units={spec.units} />
        </Form.Item>
      );
    case 'area':
    case 'count':
    case 'number':
      return (
        <Form.Item {...common}>
          <Input inputMode="decimal" suffix={spec.kind === 'area' ? t({ zh: '亩', en: 'mu' }) : undefined} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item {...common} valuePropName="checked">
          <Switch checkedChildren={t('yes')} unCheckedChildren={t('no')} />
        </Form.Item>
      );
    case 'choice':
    case 'choices':
      return (
        <Form.Item {...common}>
          <Select
            mode={spec.kind === 'choices' ? 'multiple' : undefined}
            options={spec.choices.map((c) => ({ value: c.value, label: t(c.label) }))}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
      );
    case 'texts':
      return (
        <Form.Item {...common} extra={t({ zh: '每行一项', en: 'One per line' })}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      );
    case 'group':
      return (
        <Card size="small" title={label} style={{ marginBottom: 16 }}>
          {spec.fields.map((f) => (
            <Field key={f.name} spec={f} path={name} abs={[...abs, spec.name]} units={units} form={form} />
          ))}
        </Card>
      );
    case 'variant':
      return <VariantField spec={spec} path={path} abs={abs} units={units} form={form} />;
    case 'list':
      return (
        <Card size="small" title={label} style={{ marginBottom: 16 }}>
          <Form.List name={name}>
            {(items, { add, remove }) => (
              <>
                {items.map((item) => (
                  <Card
                    key={item.key}
                    size="small"
                    style={{ marginBottom: 8 }}
                    extra={
                      <Button size="small" danger onClick={() => remove(item.name)}>
                        {t('remove')}
                      </Button>
                    }
                  >
                    {spec.fields.some((f) => f.name === 'sha256') && (
                      <Upload
                        showUploadList={false}
                        beforeUpload={async (file) => {
                          const digest = await sha256Of(file);
                          form.setFieldValue([...name, item.name, 'sha256'], digest);
                          form.setFieldValue([...name, item.name, 'name'], file.name);
                          return false;
                        }}
                      >
                        <Button size="small" style={{ marginBottom: 8 }}>
                          {t('file')}
                        </Button>
                      </Upload>
                    )}
                    {spec.fields.map((f) => (
                      <Field
                        key={f.name}
                        spec={f}
                        path={[item.name]}
                        abs={[...abs, spec.name, item.name]}
                        units={units}
                        form={form}
                      />
                    ))}
                  </Card>
                ))}
                <Button onClick={() => add(initialValuesOf(spec.fields, ''))}>{t('add')}</Button>
              </>
            )}
          </Form.List>
        </Card>
      );
  }
}

/** The project a command's answer names by its stream (`project-XM-…`). */
const projectIdOf = (streamName: string | undefined): string | undefined =>
  streamName?.startsWith(streamPrefixes.project)
    ? streamName.slice(streamPrefixes.project.length)
    : undefined;

/** The message of a problem the form found before sending. */
const problemText = (p: FieldProblem): Label => {
  switch (p.error.code) {
    case 'NOT_AN_INTEGER':
      return { zh: '请输入整数', en: 'Type a whole number' };
    case 'NOT_A_DECIMAL':
      return { zh: '请输入数字', en: 'Type a number' };
    default:
      return amountErrorText(p.error);
  }
};

export interface CommandFormProps {
  readonly command: FormCommandType;
  /** The project the command addresses (absent: a creation, whose id the server draws). */
  readonly projectId?: string;
  readonly today: string;
  readonly units: ReadonlyArray<{ readonly unitId: string; readonly name: string }>;
  readonly defaults?: Readonly<Record<string, unknown>>;
  readonly onDone: (answer: {
    readonly projectId?: string;
    /** The body sent (where to see the result is read from its ids). */
    readonly body: Readonly<Record<string, unknown>>;
  }) => void;
  readonly onCancel?: () => void;
}

/**
 * The form of one command, generated from its codec; on submit the body is built (amounts exact),
 * sent to the command's route, and the server's refusal shown: a 400 at each field it names, a
 * 409/422 above the form in the chosen language (and at the field when its params name one).
 */
export function CommandForm({
  command,
  projectId,
  today,
  units,
  defaults,
  onDone,
  onCancel,
}: CommandFormProps) {
  const { t, lang } = useLang();
  const [form] = Form.useForm();
  const fields = useMemo(() => commandFormOf(command), [command]);
  const initial = useMemo(
    () => ({ ...initialValuesOf(fields, today), ...defaults }),
    [fields, today, defaults],
  );
  const [refusal, setRefusal] = useState<ErrorBody | undefined>();
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(newIdempotencyKey);

  const showAtFields = (entries: ReadonlyArray<{ readonly path: NamePath; readonly text: string }>) =>
    form.setFields(entries.map((e) => ({ name: [...e.path], errors: [e.text] })));

  const submit = async (values: Record<string, unknown>) => {
    setRefusal(undefined);
    const { body, problems } = bodyOf(fields, values);
    if (problems.length > 0) {
      showAtFields(problems.map((p) => ({ path: p.path, text: t(problemText(p)) })));
      return;
    }
    setBusy(true);
    try {
      const route = (await commandRoutes()).get(command);
      if (route === undefined) throw new Error(`no route for ${command}`);
      const answer = await request<{ readonly streamName?: string } | undefined>(
        route.method,
        fillPath(route.path, projectId === undefined ? body : { ...body, projectId }),
        { body, lang, idempotencyKey: key },
      );
      setKey(newIdempotencyKey());
      const done = projectIdOf(answer?.streamName) ?? projectId;
      onDone(done === undefined ? { body } : { projectId: done, body });
    } catch (e) {
      if (!(e instanceof ApiFailure)) {
        setRefusal({ code: 'NETWORK', message: { zh: String(e), en: String(e) }, text: String(e) });
        return;
      }
      // A refused request frees its key: the corrected form is a new request.
      setKey(newIdempotencyKey());
      const atFields = (e.body.errors ?? [])
        .map((x) => ({ path: fieldPathOf(x.path), text: expectedText(x, lang) }))
        .filter((x) => hasField(fields, x.path));
      const field = e.body.params?.field;
      if (typeof field === 'string' && hasField(fields, fieldPathOf(field)))
        atFields.push({ path: fieldPathOf(field), text: e.body.message[lang] });
      showAtFields(atFields);
      if (atFields.length === 0 || e.status !== 400) setRefusal(e.body);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(v: Record<string, unknown>) => void submit(v)}
      data-command={command}
    >
      {refusal !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-refusal={refusal.code}
          title={`${t('refused')}：${refusal.message[lang]}`}
          description={refusal.rule === undefined ? refusal.code : `${refusal.code} · ${refusal.rule}`}
        />
      )}
      {fields.map((f) => (
        <Field key={f.name} spec={f} path={[]} abs={[]} units={units} form={form} />
      ))}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy} data-submit={command}>
          {t('submit')} · {t(commandLabelOf(command))}
        </Button>
        {onCancel !== undefined && <Button onClick={onCancel}>{t('cancel')}</Button>}
      </Space>
    </Form>
  );
}
