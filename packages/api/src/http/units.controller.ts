import { Controller, Get, Inject } from '@nestjs/common';
import { Access } from '../auth/route-access';
import type { ApiConfig } from '../config';
import { API_CONFIG } from '../tokens';
import type { UnitEntry } from '../units';

/** GET /units: the units of this deployment (configuration `UNITS`), the only unit ids requests may name. */
@Controller()
export class UnitsController {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  @Get('units')
  @Access({ kind: 'query' })
  units(): { readonly data: ReadonlyArray<UnitEntry> } {
    return { data: this.config.units };
  }
}
