import * as t from 'io-ts';
import { UnitKind } from '@zhaoshang/domain';
import { InvalidInputError } from './errors/api-errors';

/**
 * A unit (责任单位) of the deployment: the id commands and queries name, its name, and what kind of
 * unit it is (园区/开发区, 镇街, 部门, or the district itself: the district is the total of its units,
 * never a unit of its own register or ranking). Absent kind: not stated (older `UNITS` entries).
 */
export interface UnitEntry {
  readonly unitId: string;
  readonly name: string;
  readonly kind?: UnitKind;
}

/** The demo region: a district and three units (开发区 / 高新区 / 镇), as a zone office would name them. */
export const DEMO_UNITS = {
  'xiangshan-district': '相山区（全区）',
  jingkaiqu: '经开区投资促进局',
  gaoxinqu: '高新区招商局',
  'fenghuang-town': '凤凰镇招商办',
} as const;

/** The whole region (region-wide targets, keys and roles): known in every deployment. */
export const REGION_UNIT: UnitEntry = { unitId: 'region', name: '全区 / the whole region' };

/** What each demo unit is: the district (the total), two development zones, a town. */
export const DEMO_UNIT_KINDS: { readonly [U in keyof typeof DEMO_UNITS]: UnitKind } = {
  'xiangshan-district': 'district',
  jingkaiqu: 'park',
  gaoxinqu: 'park',
  'fenghuang-town': 'town',
};

/** Development default of `UNITS`: the demo region's units with their kinds. */
export const DEV_UNITS = Object.entries(DEMO_UNITS)
  .map(([id, name]) => `${id}:${name}:${DEMO_UNIT_KINDS[id as keyof typeof DEMO_UNITS]}`)
  .join(',');

/** A trailing `:kind` of a `UNITS` entry's name, when it is one of the unit kinds. */
const kindOf = (name: string): { readonly name: string; readonly kind?: UnitKind } => {
  const colon = name.lastIndexOf(':');
  const kind = colon < 0 ? '' : name.slice(colon + 1).trim();
  return UnitKind.is(kind) ? { name: name.slice(0, colon).trim(), kind } : { name };
};

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/**
 * `UNITS`: comma-separated `unitId:name` or `unitId:name:kind` entries (the name may hold any text but a
 * comma; kind is district, park, town or department).
 */
export const parseUnits = (text: string): UnitEntry[] => {
  const units = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const unitId = colon < 0 ? entry : entry.slice(0, colon);
      const { name, kind } = kindOf(colon < 0 ? entry : entry.slice(colon + 1).trim());
      if (!UNIT_ID.test(unitId) || name === '')
        throw new Error(
          `UNITS entry must be unitId:name or unitId:name:kind with an id like jingkaiqu, got ${JSON.stringify(entry)}`,
        );
      return kind === undefined ? { unitId, name } : { unitId, name, kind };
    });
  return [REGION_UNIT, ...units.filter((u) => u.unitId !== REGION_UNIT.unitId)];
};

/** The unit ids a request may name; anything else is refused before it reaches the domain. */
export class KnownUnits {
  private readonly ids: ReadonlySet<string>;
  constructor(readonly units: ReadonlyArray<UnitEntry>) {
    this.ids = new Set(units.map((u) => u.unitId));
  }

  has(unitId: string): boolean {
    return this.ids.has(unitId);
  }

  /** 400 naming `unitId` when an input names a unit this deployment does not have. */
  check(input: unknown): void {
    if (typeof input !== 'object' || input === null) return;
    const unitId = (input as { unitId?: unknown }).unitId;
    if (typeof unitId === 'string' && !this.has(unitId))
      throw new InvalidInputError([
        { path: 'unitId', expected: 'a unit of this deployment (GET /units)', value: unitId },
      ]);
    // The project's profile (R22): 园区 and 镇街 name units of their kind
    const profile = (input as { profile?: unknown }).profile;
    if (typeof profile === 'object' && profile !== null) {
      this.checkKind(profile, 'parkId', 'park');
      this.checkKind(profile, 'townId', 'town');
    }
  }

  /** 400 naming `profile.<field>` unless it names a unit of `kind` (or of no stated kind; never the region). */
  private checkKind(profile: object, field: 'parkId' | 'townId', kind: UnitKind): void {
    const id = (profile as Record<string, unknown>)[field];
    if (typeof id !== 'string') return;
    const unit = this.units.find((u) => u.unitId === id && u.unitId !== REGION_UNIT.unitId);
    if (unit === undefined || (unit.kind !== undefined && unit.kind !== kind))
      throw new InvalidInputError([
        {
          path: `profile.${field}`,
          expected: `a unit of kind ${kind} of this deployment (GET /units)`,
          value: id,
        },
      ]);
  }
}

/** The units a register lists, a sheet each: every unit but the region and the district (the district is their total). */
export const registerUnits = (units: ReadonlyArray<UnitEntry>): ReadonlyArray<UnitEntry> =>
  units.filter((u) => u.unitId !== REGION_UNIT.unitId && u.kind !== 'district');

/** The district's name, for a register's or a bulletin's total (合计) row; undefined when no unit is the district. */
export const districtNameOf = (units: ReadonlyArray<UnitEntry>): string | undefined =>
  units.find((u) => u.kind === 'district')?.name;

/** The answer of GET /units. */
export const UnitList = t.type({
  data: t.array(
    t.intersection([
      t.type({ unitId: t.string, name: t.string }),
      // district (the total), park (园区/开发区), town (镇街), department (部门)
      t.partial({ kind: UnitKind }),
    ]),
  ),
});
