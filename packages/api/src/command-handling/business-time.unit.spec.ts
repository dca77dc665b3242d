import { date, type AnyCommand } from '@zhaoshang/domain';
import { businessTimeOf } from './business-time';

describe('businessTimeOf', () => {
  it("takes the command's own business date, at 00:00 in Asia/Shanghai", () => {
    const start = { type: 'StartConstruction', on: date('2024-05-06') } as AnyCommand;
    expect(businessTimeOf(start)).toBe('2024-05-06T00:00:00+08:00');
    const lead = { type: 'CaptureLead', capturedOn: date('2024-01-05') } as AnyCommand;
    expect(businessTimeOf(lead)).toBe('2024-01-05T00:00:00+08:00');
  });

  it('dates a procedure request by the day its application became complete', () => {
    const request = { type: 'RequestProcedure', completeOn: date('2024-04-02') } as AnyCommand;
    expect(businessTimeOf(request)).toBe('2024-04-02T00:00:00+08:00');
  });

  it('dates a trip by its departure and a bulletin by its publication', () => {
    const trip = {
      type: 'RecordOutboundTrip',
      from: date('2024-03-10'),
      to: date('2024-03-14'),
    } as AnyCommand;
    expect(businessTimeOf(trip)).toBe('2024-03-10T00:00:00+08:00');
    const bulletin = { type: 'PublishBulletin', publishedOn: date('2024-10-08') } as AnyCommand;
    expect(businessTimeOf(bulletin)).toBe('2024-10-08T00:00:00+08:00');
  });
});
