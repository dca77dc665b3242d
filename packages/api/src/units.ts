import * as t from 'io-ts';
import { InvalidInputError } from './errors/api-errors';

/** A unit (责任单位) of the deployment: the id commands and queries name, and its name. */
export interface UnitEntry {
  readonly unitId: string;
  readonly name: string;
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

/** Development default of `UNITS`: the demo region's units. */
export const DEV_UNITS = Object.entries(DEMO_UNITS)
  .map(([id, name]) => `${id}:${name}`)
  .join(',');

const UNIT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** `UNITS`: comma-separated `unitId:name` entries (the name may hold any text but a comma). */
export const parseUnits = (text: string): UnitEntry[] => {
  const units = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const unitId = colon < 0 ? entry : entry.slice(0, colon);
      const name = colon < 0 ? entry : entry.slice(colon + 1).trim();
      if (!UNIT_ID.test(unitId) || name === '')
        throw new Error(
          `UNITS entry must be unitId:name with an id like jingkaiqu, got ${JSON.stringify(entry)}`,
        );
      return { unitId, name };
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
  }
}

/** The answer of GET /units. */
export const UnitList = t.type({ data: t.array(t.type({ unitId: t.string, name: t.string })) });
