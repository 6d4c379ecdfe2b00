import { maskName } from './names';

describe('maskName', () => {
  it.each([
    ['王小明', '王*明'],
    ['欧阳小明', '欧**明'],
    ['李明', '李*'],
    ['李', '*'],
    ['  张德福 ', '张*福'],
    ['Wang Xiaoming', 'W. X.'],
    ['chen', 'C.'],
    ['', '*'],
  ])('should show %j as %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });
});
