import { Body, Controller, Get, Header, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { parsePosition, type EventRef } from '@zhaoshang/eventstore';
import type { IncomingHttpHeaders } from 'node:http';
import { Authenticator } from '../auth/authenticator';
import type { Role } from '../auth/roles';
import { CodedApiError, ForbiddenError, NotFound } from '../errors/api-errors';
import { TransparencyService } from './transparency.service';

/** Who may ask for a checkpoint to be made now: auditors, and internal systems (a scheduler, the watcher). */
const MAY_CHECKPOINT: ReadonlyArray<Role> = ['auditor', 'system'];
/** Who hands in a witness's co-signatures: auditors (a witness is an auditor's office) and systems. */
const MAY_COSIGN: ReadonlyArray<Role> = ['auditor', 'system'];
/** Who may ask for proofs: auditors (纪工委, 审计). */
const MAY_PROVE: ReadonlyArray<Role> = ['auditor'];

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const natural = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text) || !Number.isSafeInteger(Number(text)))
    throw new CodedApiError(400, 'INVALID_INPUT', { paths: name });
  return Number(text);
};

/**
 * The transparency log over HTTP (issue #15): `GET /transparency/key` (public: origin and verifier
 * key), `GET /transparency/checkpoints` (recorded checkpoints, any authenticated caller), `POST
 * /transparency/checkpoints` (sign and record one now: auditors, systems), `GET
 * /transparency/inclusion` and `GET /transparency/consistency` (proofs: auditors). See docs/api.md.
 */
@Controller('transparency')
export class TransparencyController {
  constructor(
    @Inject(TransparencyService) private readonly transparency: TransparencyService,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  private async allow(
    headers: IncomingHttpHeaders,
    roles: ReadonlyArray<Role> | 'any',
    action: string,
  ): Promise<void> {
    const principal = await this.authenticator.authenticate(headers);
    if (roles !== 'any' && !roles.includes(principal.role))
      throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: principal.role, action });
  }

  @Get('key')
  key() {
    return this.transparency.publicKey();
  }

  @Get('checkpoints')
  async checkpoints(@Headers() headers: IncomingHttpHeaders, @Query('limit') limit?: string) {
    await this.allow(headers, 'any', 'TransparencyCheckpoints');
    return { checkpoints: await this.transparency.checkpoints(natural('limit', limit) ?? 100) };
  }

  @Post('checkpoints')
  @HttpCode(201)
  async checkpoint(@Headers() headers: IncomingHttpHeaders) {
    await this.allow(headers, MAY_CHECKPOINT, 'TransparencyCheckpoint');
    return this.transparency.record('on-demand');
  }

  /** A witness's co-signatures: the checkpoint as this log signed it, the witness's line(s) added. */
  @Post('cosignatures')
  @HttpCode(201)
  async cosign(@Headers() headers: IncomingHttpHeaders, @Body() body: unknown) {
    await this.allow(headers, MAY_COSIGN, 'TransparencyCosign');
    const note = typeof body === 'object' && body !== null ? (body as { note?: unknown }).note : undefined;
    if (typeof note !== 'string' || note.length > 65_536)
      throw new CodedApiError(400, 'INVALID_INPUT', { paths: 'note' });
    const result = await this.transparency.cosign(note);
    if (result === undefined) throw new NotFound('NOT_FOUND', { what: 'a checkpoint this log signed' });
    if (result.stored.length === 0)
      throw new CodedApiError(400, 'INVALID_INPUT', {
        paths: 'note: no valid co-signature of a configured witness',
      });
    return result;
  }

  /** The checkpoint of a size with every stored co-signature (text/plain, the signed note itself). */
  @Get('checkpoints/:treeSize')
  @Header('content-type', 'text/plain; charset=utf-8')
  async checkpointOfSize(@Headers() headers: IncomingHttpHeaders, @Param('treeSize') treeSize: string) {
    await this.allow(headers, 'any', 'TransparencyCheckpoint');
    const note = await this.transparency.cosigned(natural('treeSize', treeSize)!);
    if (note === undefined) throw new NotFound('NOT_FOUND', { what: `checkpoint of size ${treeSize}` });
    return note;
  }

  @Get('inclusion')
  async inclusion(
    @Headers() headers: IncomingHttpHeaders,
    @Query('position') position?: string,
    @Query('streamName') streamName?: string,
    @Query('revision') revision?: string,
    @Query('treeSize') treeSize?: string,
  ) {
    await this.allow(headers, MAY_PROVE, 'TransparencyInclusionProof');
    let ref: EventRef;
    if (position !== undefined && streamName === undefined && revision === undefined) {
      try {
        ref = { position: parsePosition(position) };
      } catch {
        throw new CodedApiError(400, 'INVALID_INPUT', { paths: 'position' });
      }
    } else if (position === undefined && streamName !== undefined && revision !== undefined) {
      ref = { streamName, revision: natural('revision', revision)! };
    } else throw new CodedApiError(400, 'INVALID_INPUT', { paths: 'position | streamName+revision' });
    const found = await this.transparency.inclusion(ref, natural('treeSize', treeSize));
    if (found === undefined)
      throw new NotFound('NOT_FOUND', { what: position ?? `${streamName}@${revision}` });
    if (found.proof === undefined)
      throw new NotFound('NOT_FOUND', { what: `leaf ${found.leaf.index} in a tree of ${found.size}` });
    return {
      leafIndex: found.leaf.index,
      treeSize: found.size,
      position: found.leaf.position.toString(),
      streamName: found.leaf.streamName,
      revision: found.leaf.revision,
      eventHash: found.leaf.eventHash,
      rootHash: b64(found.root!),
      proof: found.proof.map(b64),
    };
  }

  @Get('consistency')
  async consistency(
    @Headers() headers: IncomingHttpHeaders,
    @Query('first') first?: string,
    @Query('second') second?: string,
  ) {
    await this.allow(headers, MAY_PROVE, 'TransparencyConsistencyProof');
    const from = natural('first', first);
    if (from === undefined) throw new CodedApiError(400, 'INVALID_INPUT', { paths: 'first' });
    const proved = await this.transparency.consistency(from, natural('second', second));
    if (proved === undefined)
      throw new NotFound('NOT_FOUND', { what: `tree sizes ${first}..${second ?? 'head'}` });
    return {
      first: proved.first,
      second: proved.second,
      firstRootHash: b64(proved.firstRoot),
      secondRootHash: b64(proved.secondRoot),
      proof: proved.proof.map(b64),
    };
  }
}
