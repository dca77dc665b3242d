import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { domainError } from '@zhaoshang/domain';
import { StoreUnavailableError } from '@zhaoshang/eventstore';
import { DomainRefusal, RevisionConflict } from './api-errors';
import { ApiExceptionFilter } from './api-exception.filter';

/** Runs the filter on one exception and returns what it answered. */
const answer = (exception: unknown, acceptLanguage = 'zh') => {
  const sent: { status?: number; body?: Record<string, unknown> } = {};
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const req = { id: 'req-1', headers: { 'accept-language': acceptLanguage } };
  new ApiExceptionFilter().catch(exception, new ExecutionContextHost([req, res]));
  return sent;
};

describe('the exception filter: one mapping for every error class', () => {
  it('422 for a broken rule: code, rule, params, both languages', () => {
    const { status, body } = answer(
      new DomainRefusal(
        domainError('ADMISSION_REQUIRED', { fixedAssetInvestmentWan: '50000.00', thresholdWan: '1000.00' }),
      ),
    );
    expect(status).toBe(422);
    expect(body).toMatchObject({
      code: 'ADMISSION_REQUIRED',
      rule: 'R1',
      params: { thresholdWan: '1000.00' },
    });
    expect((body!.message as { zh: string }).zh).toContain('论证准入');
    expect((body!.message as { en: string }).en).toContain('admission review');
  });

  it('404 for PROJECT_NOT_FOUND from the domain', () => {
    expect(answer(new DomainRefusal(domainError('PROJECT_NOT_FOUND', { projectId: 'XM-1' }))).status).toBe(
      404,
    );
  });

  it('409 with the current revision for a concurrency conflict', () => {
    const { status, body } = answer(new RevisionConflict('project-XM-1', '3', 5));
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', currentRevision: 5 });
  });

  it('503 when the store is unavailable', () => {
    const { status, body } = answer(new StoreUnavailableError({ cause: new Error('disk gone') }), 'en');
    expect(status).toBe(503);
    expect(body).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('500 for anything else, without leaking the error', () => {
    const { status, body } = answer(new Error('secret internals'));
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(JSON.stringify(body)).not.toContain('secret internals');
  });
});
