/** The words the generator draws from: the demo district's places, names, task titles. */

/** 成都市武侯区, the demo district: three streets, nine communities, thirty grids (tools/seed). */
export const DISTRICT = { code: '510107000000', name: '武侯区', nameEn: 'Wuhou District', lat: 30.642, lng: 104.043 };
export const STREETS = [
  {
    name: '玉林街道', nameEn: 'Yulin Street', lat: 30.632, lng: 104.058,
    communities: [
      { name: '玉林北路社区', nameEn: 'Yulin North Road Community', grids: 4 },
      { name: '玉林南路社区', nameEn: 'Yulin South Road Community', grids: 3 },
      { name: '黉门街社区', nameEn: 'Hongmen Street Community', grids: 3 },
    ],
  },
  {
    name: '浆洗街街道', nameEn: 'Jiangxijie Street', lat: 30.646, lng: 104.046,
    communities: [
      { name: '锦里社区', nameEn: 'Jinli Community', grids: 4 },
      { name: '洗面桥社区', nameEn: 'Ximianqiao Community', grids: 3 },
      { name: '南浦社区', nameEn: 'Nanpu Community', grids: 3 },
    ],
  },
  {
    name: '火车南站街道', nameEn: 'Huochenanzhan Street', lat: 30.608, lng: 104.066,
    communities: [
      { name: '桐梓林社区', nameEn: 'Tongzilin Community', grids: 4 },
      { name: '新北社区', nameEn: 'Xinbei Community', grids: 3 },
      { name: '高攀社区', nameEn: 'Gaopan Community', grids: 3 },
    ],
  },
] as const;

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤'];
export const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国玉梅红志文辉鹏宇浩然欣怡子轩梓涵雨婷俊佳琪思远晓东海燕春林丹凤淑珍德福永雪'];

// Code lists of the API (identity's skills and languages as the demo uses them; contracts' TASK_CATEGORIES).
export const SKILLS = ['FIRST_AID', 'COOKING', 'DRIVING', 'ELDER_CARE', 'TUTORING', 'PHOTOGRAPHY', 'SIGN_LANGUAGE', 'COMPUTER', 'REPAIR', 'COUNSELLING', 'SICHUANESE'] as const;
export const LANGUAGES = ['zh', 'en', 'sichuanese'] as const;
export const SENIOR_TITLES = ['RETIRED_CADRE', 'VETERAN', 'RETIRED_TEACHER', 'MODEL_WORKER', 'RETIRED_POLICE', 'OTHER'] as const;

export const NGO_WORDS = ['益邻', '同心', '阳光', '邻里', '春晖', '和美', '暖阳', '乐龄', '青苗', '绿色', '爱心', '善行', '成蹊', '知行', '守望', '蓉城', '锦官', '芙蓉'];
export const NGO_SUFFIXES = ['社区服务中心', '公益服务社', '志愿者协会', '社工服务中心', '互助会'];
export const GROUP_SUFFIXES = ['居民自治会', '楼院议事会', '广场舞队', '书画社', '太极队', '读书会', '摄影协会', '志愿服务队'];
export const MERCHANT_WORDS = ['小馆', '水果店', '理发店', '便利店', '药房', '茶馆', '面馆', '花店', '五金店', '书店', '超市', '洗衣店'];
export const DEPARTMENTS = ['城市管理局', '民政局', '卫生健康局', '应急管理局', '教育局', '生态环境局', '文化旅游体育局', '退役军人事务局', '住房建设局', '市场监督管理局'];

/** Titles by category (contracts' TASK_CATEGORIES), with the skill a task of that kind may ask for. */
export const TASKS: Record<string, { titles: string[]; skill?: (typeof SKILLS)[number] }> = {
  ELDER_CARE: { titles: ['为独居老人送午餐', '陪伴空巢老人聊天', '智能手机教学：帮老人学用健康码和挂号', '敬老院探访', '助老理发服务'], skill: 'ELDER_CARE' },
  CHILD_CARE: { titles: ['四点半课堂：小学生作业辅导', '暑期儿童托管', '亲子阅读会', '儿童安全教育'], skill: 'TUTORING' },
  ENVIRONMENT: { titles: ['河道边垃圾清理', '社区绿地养护', '楼道小广告清理', '共享单车整理'] },
  WASTE_SORTING: { titles: ['垃圾分类桶边督导', '厨余垃圾分类宣传', '旧衣物回收'] },
  SAFETY_PATROL: { titles: ['夜间平安巡逻', '消防通道检查', '防诈骗宣传', '校园周边护学岗'] },
  HEALTH: { titles: ['社区急救知识讲座助教', '义诊活动引导', '献血活动志愿服务', '健康体检登记'], skill: 'FIRST_AID' },
  EDUCATION: { titles: ['老年大学课堂助教', '外来务工子女辅导', '普法宣传进社区'], skill: 'TUTORING' },
  CULTURE: { titles: ['社区文艺汇演', '国际社区英语导览', '非遗手工体验', '社区图书角整理'], skill: 'PHOTOGRAPHY' },
  EMERGENCY: { titles: ['防汛物资转运', '应急演练引导', '高温慰问送清凉'], skill: 'DRIVING' },
  COMMUNITY_EVENT: { titles: ['周末便民服务集市', '邻里节活动', '社区义剪与小家电维修', '重阳节敬老活动'], skill: 'REPAIR' },
  OTHER: { titles: ['社区议事会记录', '问卷入户调查', '疫苗接种点引导'], skill: 'COMPUTER' },
};
export const CATEGORIES = Object.keys(TASKS);

export const NEEDS: { title: string; description: string; category: string }[] = [
  { title: '楼道灯坏了', description: '楼道灯不亮，老人晚上上下楼不安全，希望尽快修好。', category: 'SAFETY_PATROL' },
  { title: '小区缺少休息长椅', description: '公交站没有座椅，老人等车很辛苦，建议加装两张长椅。', category: 'COMMUNITY_EVENT' },
  { title: '希望开设老年人手机课', description: '很多老人不会用手机挂号、视频通话，希望每周有志愿者教一教。', category: 'EDUCATION' },
  { title: '河边垃圾多，想组织一次清洁', description: '河道边塑料袋和烟头很多，希望大家一起清理。', category: 'ENVIRONMENT' },
  { title: '放学后孩子没人看', description: '双职工家庭孩子放学后无人照看，希望社区开设托管。', category: 'CHILD_CARE' },
  { title: '独居老人需要送餐', description: '几位独居老人行动不便，希望有人帮忙送午餐。', category: 'ELDER_CARE' },
  { title: '垃圾投放点太脏', description: '垃圾桶周边经常散落垃圾，希望有人督导分类。', category: 'WASTE_SORTING' },
];

export const REVIEW_COMMENTS = ['老人们很开心，谢谢志愿者！', '组织得不错，希望多办几次。', '志愿者很耐心。', '时间安排可以再合理一些。', '活动很有意义。', null, null];
export const CONSENT_NOTE = '本人在社区办公室当面同意，由网格员代为报名活动、签到';

/** Local start hours of shifts (Asia/Shanghai) and their lengths in hours. */
export const SHIFT_HOURS = [7, 8, 8.5, 9, 9.5, 10, 11, 14, 14.5, 16.5, 18, 19, 20];
export const SHIFT_LENGTHS = [1, 1.5, 2, 2, 2, 2.5, 3, 3, 4];
/** Places per shift, by weight. */
export const CAPACITIES: [number, number][] = [
  [2, 8], [3, 10], [4, 12], [5, 12], [6, 10], [8, 10], [10, 9], [12, 8], [15, 6], [20, 5], [30, 3], [50, 1],
];
