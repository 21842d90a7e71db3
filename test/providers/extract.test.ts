import { describe, expect, it } from 'vitest';
import { extractSvg, proseAround } from '../../src/providers/extract.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const OTHER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="5"/></svg>';

describe('extractSvg', () => {
  it.each([
    ['a bare SVG', SVG, SVG],
    ['an XML declaration before it', `<?xml version="1.0"?>\n${SVG}`, SVG],
    ['prose around it', `Here is your image:\n${SVG}\nEnjoy!`, SVG],
    ['an svg code fence', `Sure!\n\`\`\`svg\n${SVG}\n\`\`\`\nLet me know.`, SVG],
    ['an xml fence', `\`\`\`xml\n${SVG}\n\`\`\``, SVG],
    ['a tilde fence', `~~~\n${SVG}\n~~~`, SVG],
    ['several fences, one with the SVG', `\`\`\`css\n.a { fill: red }\n\`\`\`\n\n\`\`\`svg\n${SVG}\n\`\`\`\n\`\`\`bash\nopen x.svg\n\`\`\``, SVG],
    ['a revised SVG after a first one: the last complete wins', `First try:\n${SVG}\nBetter:\n${OTHER}`, OTHER],
    ['nested svg elements', `<svg viewBox="0 0 2 2"><svg x="1"><rect/></svg><circle/></svg>`, `<svg viewBox="0 0 2 2"><svg x="1"><rect/></svg><circle/></svg>`],
    ['a <think> block with a draft first', `<think>maybe ${OTHER}</think>\n${SVG}`, SVG],
    ['upper-case tags', SVG.replace('<svg', '<SVG').replace('</svg>', '</SVG>'), SVG.replace('<svg', '<SVG').replace('</svg>', '</SVG>')],
  ])('finds the SVG in %s', (_label, reply, expected) => {
    expect(extractSvg(reply)).toEqual({ svg: expected, truncated: false });
  });

  it('marks an SVG cut off mid-way as truncated, without the fence that never closed', () => {
    const cut = SVG.slice(0, 60);
    expect(extractSvg(`\`\`\`svg\n${cut}`)).toEqual({ svg: cut, truncated: true });
    expect(extractSvg(`Here: ${cut}`)).toEqual({ svg: cut, truncated: true });
  });

  it('prefers a complete SVG to a truncated one', () => {
    expect(extractSvg(`${SVG}\nand another: <svg viewBox="0 0 1 1"><rect`)).toEqual({ svg: SVG, truncated: false });
  });

  it.each([
    ['prose only', 'I cannot draw images, but here is a description of a fox.', /no <svg> element/],
    ['an empty reply', '   ', /empty/],
    ['escaped markup', 'Here: &lt;svg viewBox="0 0 1 1"&gt;', /HTML-escaped/],
    ['an svgfoo element', '<svgfoo></svgfoo>', /no <svg> element/],
    ['a reasoning model that never finished thinking', `<think>I will draw ${SVG}`, /empty/],
  ])('says why there is nothing for %s', (_label, reply, reason) => {
    const result = extractSvg(reply);
    expect(result.svg).toBeNull();
    expect(result.svg === null && result.reason).toMatch(reason);
  });
});

describe('proseAround (what the model said besides its SVG)', () => {
  it.each([
    ['prose before a fenced SVG', `Here is a red fox.\n\`\`\`svg\n${SVG}\n\`\`\``, 'Here is a red fox.'],
    ['prose on both sides of bare markup', `Sure! ${SVG}\nI kept the palette warm.`, 'Sure! I kept the palette warm.'],
    ['a bare SVG', SVG, ''],
    ['an XML declaration and thinking', `<think>drafting ${SVG}</think><?xml version="1.0"?>\n${SVG}\nDone.`, 'Done.'],
    ['a cut-off SVG', 'Here: <svg viewBox="0 0 1 1"><rect', 'Here:'],
  ])('%s', (_label, reply, said) => {
    expect(proseAround(reply)).toBe(said);
  });

  it('keeps no terminal escape sequences, controls or bidi overrides (the model is not trusted)', () => {
    const said = proseAround(`\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \x1b[2J\u202eevil\u0007 ${SVG}`);
    expect(said).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    expect(said).toContain('click');
  });

  it('puts a long answer on one line, shortened', () => {
    const said = proseAround(`${'word '.repeat(100)}\n\n${SVG}`);
    expect(said).not.toMatch(/\n/);
    expect(said.length).toBeLessThanOrEqual(300);
    expect(said.endsWith('…')).toBe(true);
  });
});
