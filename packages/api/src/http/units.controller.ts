import { Controller, Get, Inject, Query } from '@nestjs/common';
import * as t from 'io-ts';
import { Access } from '../auth/route-access';
import type { ApiConfig } from '../config';
import { API_CONFIG } from '../tokens';
import type { UnitEntry } from '../units';
import { decodeOrThrow } from './decode';

/** GET /units: the units of this deployment (configuration `UNITS`), the only unit ids requests may name. */
@Controller()
export class UnitsController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  @Get('units')
  @Access({ kind: 'query' })
  units(@Query() query: unknown): { readonly data: ReadonlyArray<UnitEntry> } {
    // No parameters: anything in the query string is refused, as on every other route.
    decodeOrThrow(t.type({}), query ?? {});
    return { data: this.config.units };
  }
}
