import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import type * as t from 'io-ts';
import type { ApiConfig } from '../config';
import { API_CONFIG } from '../tokens';
import { KnownUnits } from '../units';
import { decodeOrThrow, type AnyCodec } from './decode';

/**
 * Decodes a request's input with an io-ts codec: the decoded value, or a 400 `INVALID_INPUT` that
 * lists every failing path (and every property the codec does not declare).
 */
export class DecodePipe<A> implements PipeTransform<unknown, A> {
  constructor(private readonly codec: t.Decoder<unknown, A> & AnyCodec) {}

  transform(value: unknown): A {
    return decodeOrThrow<A>(this.codec, value);
  }
}

/** Refuses (400 on `unitId`) an input naming a unit this deployment does not have (`UNITS`, GET /units). */
@Injectable()
export class KnownUnitsPipe implements PipeTransform<unknown, unknown> {
  private readonly units: KnownUnits;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.units = new KnownUnits(config.units);
  }

  transform<A>(value: A): A {
    this.units.check(value);
    return value;
  }
}
