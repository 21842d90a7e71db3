import { describe, expect, it } from 'vitest';
import { interpretReply } from '../../src/providers/reply.js';

const GOOD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#87ceeb"/><circle cx="50" cy="50" r="30" fill="#e53935"/></svg>';

describe('interpretReply', () => {
  it('takes the SVG out of a fenced reply with prose', () => {
    const verdict = interpretReply(`Here you go:\n\`\`\`svg\n${GOOD}\n\`\`\`\nHope you like it.`, 'default', 'stop');
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.svg).toContain('<circle cx="50" cy="50" r="30" fill="#e53935"');
  });

  it('strips what is hostile, and says so', () => {
    const hostile = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><rect width="10" height="10"/></a><foreignObject><iframe src="https://evil"/></foreignObject></svg>';
    const verdict = interpretReply(hostile, 'default', 'stop');
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.svg).toContain('<rect');
    expect(verdict.svg).not.toMatch(/script|onload|javascript|foreignObject|iframe|alert/i);
    expect(verdict.notes.join('\n')).toMatch(/sanitized the model's SVG/);
  });

  it('repairs an SVG cut off by the token limit and says why', () => {
    const verdict = interpretReply(GOOD.slice(0, GOOD.indexOf('<circle') + 20), 'default', 'length');
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.svg).toContain('<rect');
    expect(verdict.svg).not.toContain('<circle');
    expect(verdict.notes[0]).toMatch(/ran out of output tokens; repaired it by closing 1 open element/);
  });

  it.each([
    ['prose with no SVG', 'A fox is a small orange mammal.', 'no_svg', /no <svg> element/],
    // Extraction starts at <svg>, so the DOCTYPE stays behind and its entity is never defined, let alone expanded.
    ['an SVG using an entity from a DOCTYPE', `<!DOCTYPE svg [<!ENTITY x "lol">]>${GOOD.replace('</svg>', '<text>&x;</text></svg>')}`, 'invalid_svg', /entit/i],
    ['an SVG with a DOCTYPE inside the fence', `\`\`\`svg
<svg xmlns="http://www.w3.org/2000/svg"><!DOCTYPE x><rect/></svg>
\`\`\``, 'invalid_svg', /DOCTYPE|declaration/i],
    ['an SVG with only a script', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><script>alert(1)</script></svg>', 'empty_svg', /nothing drawable/],
  ])('rejects %s, with the reason', (_label, reply, code, reason) => {
    const verdict = interpretReply(reply, 'default', 'stop');
    expect(verdict).toMatchObject({ ok: false, code });
    expect(!verdict.ok && verdict.reason).toMatch(reason);
  });

  it('makes a reply fit the kaggle profile, or rejects it when it cannot', () => {
    const withText = GOOD.replace('</svg>', '<text x="1" y="9">hi</text></svg>');
    const fitted = interpretReply(withText, 'kaggle', 'stop');
    expect(fitted.ok && fitted.svg).not.toContain('<text');
    const huge = GOOD.replace('</svg>', `${'<rect width="1" height="1" fill="#123456"/>'.repeat(400)}</svg>`.replace(/width="1"/g, () => `width="${Math.random()}"`));
    const rejected = interpretReply(huge, 'kaggle', 'stop');
    expect(rejected).toMatchObject({ ok: false, code: 'profile' });
  });
});
