import { resolve } from 'node:path';
import { readConfigs } from 'jest-config';

const ROOT = resolve(__dirname, '../..');

/**
 * Jest takes `testTimeout` from the top-level config only; set inside a project entry it
 * is silently dropped and every test gets 5 s, which the e2e races exceed on a busy
 * machine. This reads the config the way jest does and checks what tests really get.
 */
describe('jest timeouts', () => {
  it('should give every test at least a minute when jest reads the root config', async () => {
    const { globalConfig, configs } = await readConfigs({ config: resolve(ROOT, 'jest.config.js'), $0: 'jest', _: [] }, [ROOT]);
    expect(globalConfig.testTimeout).toBeGreaterThanOrEqual(60_000);
    expect(configs.map((c) => c.displayName?.name)).toEqual(['unit', 'e2e']);
  });

});
