import axe from 'axe-core';

/**
 * axe-core's rules on what a test rendered (the browser run checks colours; jsdom computes
 * none), as a list of "rule: target" lines, empty when clean.
 */
export async function axeViolations(root: Element = document.body): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`));
}
