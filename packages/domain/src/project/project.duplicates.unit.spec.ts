import { unsafeId } from '../shared/ids';
import { creditCode, fixtureInvestor } from '../testing/project.fixtures';
import { findDuplicates, ProjectFingerprint, textSimilarity } from './project.duplicates';

const known = (
  o: Partial<ProjectFingerprint> & Pick<ProjectFingerprint, 'projectId'>,
): ProjectFingerprint => ({
  unitId: unsafeId.unit('gaoxinqu-zhaoshangju'),
  investorName: fixtureInvestor.name,
  creditCode: fixtureInvestor.creditCode!,
  name: '年产5万吨锂电池正极材料项目',
  content: '建设磷酸铁锂正极材料生产线4条及研发中心，配套仓储与环保设施',
  ...o,
});

const candidate: ProjectFingerprint = {
  projectId: unsafeId.project('XM-2024-0317'),
  unitId: unsafeId.unit('jingkaiqu-touzicujinju'),
  investorName: '福建宁川新能源材料有限公司',
  creditCode: fixtureInvestor.creditCode!,
  name: '年产 5 万吨锂电池正极材料项目',
  content: '建设磷酸铁锂正极材料生产线 4 条及研发中心，配套仓储、环保设施',
};

describe('duplicate detection (一炮数响, DOMAIN.md §6): a project counts once whichever unit claims it', () => {
  it('the same credit code with similar content is flagged, from another unit', () => {
    const matches = findDuplicates(candidate, [known({ projectId: unsafeId.project('XM-GX-0088') })]);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      projectId: 'XM-GX-0088',
      unitId: 'gaoxinqu-zhaoshangju',
      basis: 'same-credit-code',
    });
    expect(matches[0]!.similarity).toBeGreaterThan(0.9);
  });

  it('several units claiming the same project are all flagged, best match first', () => {
    const matches = findDuplicates(candidate, [
      known({
        projectId: unsafeId.project('XM-ZJ-0012'),
        unitId: unsafeId.unit('chengguan-zhen'),
        content: '建设磷酸铁锂正极材料生产线及研发中心',
      }),
      known({ projectId: unsafeId.project('XM-GX-0088') }),
    ]);
    expect(matches.map((m) => m.projectId)).toEqual(['XM-GX-0088', 'XM-ZJ-0012']);
    expect(new Set(matches.map((m) => m.unitId))).toEqual(
      new Set(['gaoxinqu-zhaoshangju', 'chengguan-zhen']),
    );
  });

  it('the same investor with an unrelated project is not flagged', () => {
    const other = known({
      projectId: unsafeId.project('XM-GX-0101'),
      name: '员工公寓及配套商业综合体',
      content: '建设人才公寓 800 套及商业街区',
    });
    expect(findDuplicates(candidate, [other])).toEqual([]);
  });

  it('a different credit code is never the same project, however similar the text', () => {
    const other = known({
      projectId: unsafeId.project('XM-GX-0102'),
      creditCode: creditCode('91350100M000100Y4'),
    });
    expect(findDuplicates(candidate, [other])).toEqual([]);
  });

  it('without a credit code, the same investor name and very similar content is flagged', () => {
    const { creditCode: _code, ...noCode } = candidate;
    const matches = findDuplicates(noCode, [
      known({ projectId: unsafeId.project('XM-GX-0088'), investorName: '福建宁川新能源材料有限公司 ' }),
    ]);
    expect(matches).toEqual([
      expect.objectContaining({ projectId: 'XM-GX-0088', basis: 'same-investor-name' }),
    ]);
  });

  it('without a credit code, the same investor name with only loosely similar content is not flagged', () => {
    const { creditCode: _code, ...noCode } = candidate;
    const loose = known({ projectId: unsafeId.project('XM-GX-0089'), content: '新建锂电池回收利用生产线' });
    expect(findDuplicates(noCode, [loose])).toEqual([]);
  });

  it('without a credit code, another investor with the same content is not flagged', () => {
    const { creditCode: _code, ...noCode } = candidate;
    const { creditCode: _c, ...otherNoCode } = known({
      projectId: unsafeId.project('XM-GX-0090'),
      investorName: '江西赣锋锂电科技有限公司',
    });
    expect(findDuplicates(noCode, [otherNoCode])).toEqual([]);
  });

  it('a project is not its own duplicate', () => {
    expect(findDuplicates(candidate, [candidate])).toEqual([]);
  });

  it('text similarity ignores spaces, punctuation and the usual company words', () => {
    expect(textSimilarity('年产 5 万吨锂电池项目', '年产5万吨锂电池')).toBe(1);
    expect(textSimilarity('福建宁川新能源材料有限公司', '福建宁川新能源材料')).toBe(1);
    expect(textSimilarity('锂电池正极材料', '人才公寓')).toBe(0);
    expect(textSimilarity('', '')).toBe(0);
  });
});
