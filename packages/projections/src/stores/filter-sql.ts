import type { FieldCondition, Filter, Scalar, SortKey } from '../read-model';

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A document field as SQLite reads it from the JSON text column. */
export const fieldSql = (field: string): string => {
  if (!FIELD.test(field)) throw new RangeError(`not a document field: ${JSON.stringify(field)}`);
  return `json_extract(doc, '$.${field}')`;
};

const bind = (v: Scalar | string | number): string | number | null =>
  typeof v === 'boolean' ? (v ? 1 : 0) : v;

const isCondition = (v: Scalar | FieldCondition): v is FieldCondition => typeof v === 'object' && v !== null;

/** Translates the Mongo-like filter of the query language into a SQLite WHERE clause. */
export const filterSql = (
  filter: Filter | undefined,
): { readonly sql: string; readonly params: Array<string | number | null> } => {
  const parts: string[] = [];
  const params: Array<string | number | null> = [];
  for (const [field, value] of Object.entries(filter ?? {})) {
    const f = fieldSql(field);
    const eq = (v: Scalar) => {
      if (v === null) parts.push(`${f} IS NULL`);
      else {
        parts.push(`${f} = ?`);
        params.push(bind(v));
      }
    };
    if (!isCondition(value)) {
      eq(value);
      continue;
    }
    if (value.$eq !== undefined) eq(value.$eq);
    if (value.$ne !== undefined) {
      if (value.$ne === null) parts.push(`${f} IS NOT NULL`);
      else {
        parts.push(`(${f} IS NULL OR ${f} != ?)`);
        params.push(bind(value.$ne));
      }
    }
    if (value.$in !== undefined) {
      const values = value.$in.filter((v) => v !== null);
      const withNull = values.length !== value.$in.length;
      const list = values.length === 0 ? '0' : `${f} IN (${values.map(() => '?').join(', ')})`;
      parts.push(withNull ? `(${list} OR ${f} IS NULL)` : list);
      params.push(...values.map(bind));
    }
    for (const [op, sql] of [
      ['$gt', '>'],
      ['$gte', '>='],
      ['$lt', '<'],
      ['$lte', '<='],
    ] as const) {
      const v = value[op];
      if (v !== undefined) {
        parts.push(`${f} ${sql} ?`);
        params.push(v);
      }
    }
    if (value.$has !== undefined) {
      parts.push(`EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE value = ?)`);
      params.push(value.$has);
    }
    if (value.$exists !== undefined) parts.push(`${f} IS ${value.$exists ? 'NOT ' : ''}NULL`);
  }
  return { sql: parts.length === 0 ? '1' : parts.join(' AND '), params };
};

/** ORDER BY for the sort keys, the id last so that pages are stable. */
export const orderSql = (sort: ReadonlyArray<SortKey> | undefined): string =>
  [
    ...(sort ?? []).map((k) => `${fieldSql(k.field)} ${k.direction === 'desc' ? 'DESC' : 'ASC'}`),
    'id ASC',
  ].join(', ');
