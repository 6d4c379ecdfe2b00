import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import postcss from 'postcss';

// Browsers read an unclosed block as nesting: every rule after it silently stops applying.
describe('styles.css', () => {
  const css = readFileSync(join(__dirname, '../src/styles.css'), 'utf8');

  it('should close every block it opens', () => {
    expect(() => postcss.parse(css)).not.toThrow();
  });

  it('should nest rules only inside at-rules (no rule inside a rule)', () => {
    const nested: string[] = [];
    postcss.parse(css).walkRules((rule) => {
      if (rule.parent?.type === 'rule') nested.push(`${(rule.parent as postcss.Rule).selector} > ${rule.selector} (line ${rule.source?.start?.line})`);
    });
    expect(nested).toEqual([]);
  });
});
