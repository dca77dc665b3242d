import { date } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, usd } from '../shared/money';
import { spec } from '../testing/decider-spec';
import {
  historyUntil,
  recordForeignCapitalReceipt,
  recordOutOfProvinceFundsReceipt,
} from '../testing/project.fixtures';
import { projectDecider } from './project.decide';

const project = spec(projectDecider);
const withoutType = <C extends { readonly type: string }>(c: C): Omit<C, 'type'> => {
  const { type: _type, ...rest } = c;
  return rest;
};

describe('foreign capital is money actually used (R11 · 000 §二「利用外资 9000 万美元以上」)', () => {
  it('R11 · 000 §二: given a signed project, when 1200万美元 arrive, then ForeignCapitalReceived records the amount, the date and the evidence', () => {
    const receipt = recordForeignCapitalReceipt();
    project
      .given(historyUntil('signed'))
      .when(receipt)
      .then([{ type: 'ForeignCapitalReceived', data: withoutType(receipt) }]);
  });

  it('R11 · 000 §二: money promised is not money used: no receipt before the agreement is signed', () => {
    project
      .given(historyUntil('admitted'))
      .when(recordForeignCapitalReceipt())
      .thenFails('AGREEMENT_NOT_SIGNED');
  });

  it('R11 · 000 §二: a receipt dated before the signing is refused', () => {
    project
      .given(historyUntil('signed'))
      .when(recordForeignCapitalReceipt({ on: date('2024-05-09') }))
      .thenFails('DATE_OUT_OF_ORDER');
  });

  it('R11 · 000 §二: a zero amount is refused', () => {
    project
      .given(historyUntil('signed'))
      .when(recordForeignCapitalReceipt({ amount: usd.zero }))
      .thenFails('AMOUNT_MUST_BE_POSITIVE');
  });

  it('R11 · 000 §二: the same receipt entered twice is recorded once; the same receipt id with another amount is refused', () => {
    const receipt = recordForeignCapitalReceipt();
    const history = [
      ...historyUntil('signed'),
      { type: 'ForeignCapitalReceived' as const, data: withoutType(receipt) },
    ];
    project.given(history).when(receipt).thenNothingHappens();
    project
      .given(history)
      .when(recordForeignCapitalReceipt({ amount: usd.wan(1300) }))
      .thenFails('RECEIPT_ID_CONFLICT', { receiptId: receipt.receiptId });
  });

  it('R11 · 000 §二 / DOMAIN.md §5: a receipt recorded wrongly is corrected by the same receipt id with a reason', () => {
    const receipt = recordForeignCapitalReceipt();
    const history = [
      ...historyUntil('signed'),
      { type: 'ForeignCapitalReceived' as const, data: withoutType(receipt) },
    ];
    const correction = recordForeignCapitalReceipt({
      amount: usd.wan(1100),
      correction: { reason: unsafeId.text('银行回单金额为 1100 万美元，录入有误') },
    });
    project
      .given(history)
      .when(correction)
      .then([{ type: 'ForeignCapitalReceived', data: withoutType(correction) }]);
    project
      .given(historyUntil('signed'))
      .when(correction)
      .thenFails('RECEIPT_NOT_RECORDED', { receiptId: receipt.receiptId });
  });

  it('R11 · 000 §二: a second tranche under its own receipt id is recorded', () => {
    const first = recordForeignCapitalReceipt();
    const second = recordForeignCapitalReceipt({
      receiptId: unsafeId.text('WH-2024-0920-002'),
      amount: usd.wan(800),
      on: date('2024-09-20'),
    });
    project
      .given([...historyUntil('signed'), { type: 'ForeignCapitalReceived', data: withoutType(first) }])
      .when(second)
      .then([{ type: 'ForeignCapitalReceived', data: withoutType(second) }]);
  });
});

describe('funds from outside the province actually in place (R11 · 003「利用省外资金110億元」)', () => {
  it('R11 · 003: given a signed project, when 2亿元 from 福建省 arrive, then OutOfProvinceFundsReceived records it', () => {
    const receipt = recordOutOfProvinceFundsReceipt();
    project
      .given(historyUntil('signed'))
      .when(receipt)
      .then([{ type: 'OutOfProvinceFundsReceived', data: withoutType(receipt) }]);
  });

  it('R11 · 003: a receipt id already used for foreign capital cannot be reused for other funds', () => {
    const fc = recordForeignCapitalReceipt({ receiptId: unsafeId.text('R-1') });
    project
      .given([...historyUntil('signed'), { type: 'ForeignCapitalReceived', data: withoutType(fc) }])
      .when(recordOutOfProvinceFundsReceipt({ receiptId: unsafeId.text('R-1'), amount: cny.yi(1) }))
      .thenFails('RECEIPT_ID_CONFLICT');
  });
});
