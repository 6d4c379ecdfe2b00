import i18n from 'i18next';
import en from '../../../locales/en.json';
import zhCN from '../../../locales/zh-CN.json';
import { detailList, parseReasonDetail, reasonPhrase, reasonSentence, scorePercent } from '../reasons';

const reasons = [
  { code: 'DISTANCE', weight: 0.1, detail: 'distanceKm=2.1' },
  { code: 'SKILL_MATCH', weight: 0.3, detail: 'matched=FIRST_AID;missing=' },
  { code: 'AVAILABILITY', weight: 0.15, detail: 'weekday=5;part=morning;covered=1.00' },
];

describe('match reasons in words', () => {
  let t: typeof i18n.t;
  beforeAll(async () => {
    const inst = i18n.createInstance();
    await inst.init({ lng: 'en', resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, interpolation: { escapeValue: false } });
    t = inst.t.bind(inst);
    (globalThis as { inst?: typeof inst }).inst = inst;
  });

  it('should read key=value pairs and percent-encoded list values', () => {
    expect(parseReasonDetail('matched=FIRST_AID,COOKING;missing=')).toEqual({ matched: 'FIRST_AID,COOKING', missing: '' });
    expect(detailList('A%2CB,C')).toEqual(['A,B', 'C']);
    expect(parseReasonDetail(null)).toEqual({});
  });

  it('should say distance, skills and free time in order', () => {
    expect(reasonSentence(t, reasons)).toBe('2.1 km away · has First aid · free on Saturday mornings');
  });

  it('should say it in Chinese with translated skills and weekdays', async () => {
    const inst = (globalThis as { inst?: typeof i18n }).inst!;
    await inst.changeLanguage('zh-CN');
    expect(reasonSentence(inst.t.bind(inst), reasons)).toBe(`距离 2.1 公里 · 会${zhCN.skill.FIRST_AID} · 周六上午有空`);
    await inst.changeLanguage('en');
  });

  it('should leave out reasons that say nothing', () => {
    expect(reasonPhrase(t, { code: 'SKILL_MATCH', weight: 0.15, detail: 'required=none' })).toBeNull();
    expect(reasonPhrase(t, { code: 'AVAILABILITY', weight: 0.07, detail: 'weekday=1;part=evening;covered=unknown' })).toBeNull();
    expect(reasonPhrase(t, { code: 'LANGUAGE', weight: 0.02, detail: 'wanted=none' })).toBeNull();
    expect(reasonPhrase(t, { code: 'UNKNOWN', weight: 0.1, detail: 'x=1' })).toBeNull();
  });

  it('should word missing skills, partial availability, reliability and language', () => {
    expect(reasonPhrase(t, { code: 'SKILL_MATCH', weight: 0.1, detail: 'matched=;missing=COOKING' })).toBe('lacks Cooking');
    expect(reasonPhrase(t, { code: 'AVAILABILITY', weight: 0.1, detail: 'weekday=0;part=evening;covered=0.50' })).toBe('partly free on Monday evenings');
    expect(reasonPhrase(t, { code: 'RELIABILITY', weight: 0.1, detail: 'attendanceRate=0.92;pastClaims=12' })).toBe('turns up 92% of the time');
    expect(reasonPhrase(t, { code: 'RELIABILITY', weight: 0.1, detail: 'attendanceRate=unknown;prior=0.80' })).toBe('new volunteer');
    expect(reasonPhrase(t, { code: 'LANGUAGE', weight: 0.05, detail: 'wanted=en;spoken=true' })).toBe('speaks English');
    expect(reasonPhrase(t, { code: 'URGENCY', weight: 0.05, detail: 'startsInHours=30.5;unfilledShare=0.75' })).toBe('starts in 31 hours');
    expect(reasonPhrase(t, { code: 'URGENCY', weight: 0.05, detail: 'startsInHours=300;unfilledShare=0.75' })).toBeNull();
  });

  it('should show a score as a whole percentage', () => {
    expect(scorePercent(0.876)).toBe(88);
    expect(scorePercent(1.2)).toBe(100);
  });
});
