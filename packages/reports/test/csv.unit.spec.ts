import fc from 'fast-check';
import { money, percent, text } from '../src/table/cell';
import { BOM, csvDocument, csvField } from '../src/table/csv';
import { parseCsv } from './support';

describe('CSV (UTF-8 with BOM, RFC 4180)', () => {
  it('starts with the BOM and ends every record with CRLF', () => {
    const doc = csvDocument(['项目名称', '投资（万元）'], [[text('锂电池'), money(1_000_000_000, 'wan')]]);
    expect(doc.startsWith(BOM)).toBe(true);
    expect(Buffer.from(doc, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(doc).toBe(`${BOM}项目名称,投资（万元）\r\n锂电池,1000.00\r\n`);
  });

  it('quotes fields holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('年产"5万吨"')).toBe('"年产""5万吨"""');
    expect(csvField('一行\r\n两行')).toBe('"一行\r\n两行"');
    expect(csvField(' 前后有空格 ')).toBe('" 前后有空格 "');
    expect(csvField('普通')).toBe('普通');
  });

  it('guards text a spreadsheet would run as a formula, and only text', () => {
    const doc = csvDocument(
      ['a', 'b', 'c'],
      [[text('=HYPERLINK("http://x")'), text('-项目'), percent(-1250)]],
    );
    expect(doc.split('\r\n')[1]).toBe(`"'=HYPERLINK(""http://x"")",'-项目,-12.50%`);
  });

  // Mostly the characters quoting is about, then any text at all.
  const field = fc.oneof(
    fc.string({ unit: fc.constantFrom(',', '"', '\r\n', '\n', '\r', ' ', '项', 'a', "'") }),
    fc.string({ unit: 'grapheme' }),
  );

  it('round-trips any text through a real CSV parser', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        async (rows) => {
          const safe = rows.map((r) => r.map((s) => s.replace(/^[=+\-@\t\r]+/, '').replace(/^\uFEFF/, '')));
          const parsed = await parseCsv(
            csvDocument(
              ['甲', '乙'],
              safe.map((r) => r.map((s) => text(s))),
            ),
          );
          expect(parsed).toEqual([['甲', '乙'], ...safe]);
        },
      ),
      { numRuns: 100 },
    );
  });
});
