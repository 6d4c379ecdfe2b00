/** Demo accounts with published passwords: loaded only into demo databases. */
export const DEMO_PASSWORD = 'civicgrid-demo';

export const DEMO_ACCOUNTS = [
  { role: 'volunteer', phone: '13800000001', name: '王小明', nameEn: 'Wang Xiaoming' },
  { role: 'grid leader', phone: '13800000002', name: '李秀英', nameEn: 'Li Xiuying' },
  { role: 'NGO coordinator', phone: '13800000003', name: '陈静', nameEn: 'Chen Jing' },
  { role: 'merchant', phone: '13800000004', name: '赵磊', nameEn: 'Zhao Lei' },
  { role: 'official', phone: '13800000005', name: '周敏', nameEn: 'Zhou Min' },
  { role: 'administrator', phone: '13800000006', name: '系统管理员', nameEn: 'Administrator' },
  { role: 'elderly resident (proxy granted to the grid leader)', phone: '13800000011', name: '张德福', nameEn: 'Zhang Defu' },
  { role: 'second official (approves large incentives)', phone: '13800000007', name: '孙丽', nameEn: 'Sun Li' },
] as const;
