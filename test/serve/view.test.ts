// `svgchat view` as a function with a temp home: where the page goes, what it holds when files on disk
// were changed or lost since the session was written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultGalleryPath, viewCommand } from '../../src/commands/view.js';
import { UsageError } from '../../src/errors.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#c00"/></svg>';

function draft(prompt: string, svg: string) {
  return { prompt, provider: 'offline', model: 'composer-1', seed: 1, svg, scene: null, score: 0.5, usage: null, durationMs: 5, candidates: [], error: null };
}

function decodedImages(html: string): string[] {
  return [...html.matchAll(/src="data:image\/svg\+xml;base64,([^"]+)"/g)].map((match) => Buffer.from(match[1], 'base64').toString('utf8'));
}

describe('viewCommand', () => {
  it('writes to $SVGCHAT_HOME/views/<name>.html by default, the most recent session when none is named', async () => {
    const home = tempHome();
    const store = new SessionStore(home);
    store.create({ name: 'older', settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' } });
    const newer = store.create({ name: 'newer', settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' } });
    store.appendTurn(newer.id, draft('a red square', SVG));
    const { ctx, stdout } = fakeContext(home);
    await viewCommand(ctx, undefined, { open: false });
    const file = defaultGalleryPath(home, 'newer');
    expect(stdout()).toBe(`${file}\n`);
    expect(decodedImages(fs.readFileSync(file, 'utf8'))).toEqual([SVG]);
  });

  it('cleans a stored file that was changed, and shows a lost one as a card without an image, with a warning', async () => {
    const home = tempHome();
    const store = new SessionStore(home);
    const session = store.create({ name: 'changed', settings: { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' } });
    store.appendTurn(session.id, draft('one', SVG));
    store.appendTurn(session.id, draft('two', SVG.replace('<rect', '<rect id="two"')));
    const [first, second] = store.get(session.id).turns;
    fs.writeFileSync(path.join(store.dir, first.svg!.path), SVG.replace('<rect', '<script>alert(1)</script><rect onclick="alert(2)"'));
    fs.rmSync(path.join(store.dir, second.svg!.path));
    const { ctx, stderr } = fakeContext(home);
    const output = path.join(home, 'page.html');
    await viewCommand(ctx, 'changed', { output, open: false });
    const html = fs.readFileSync(output, 'utf8');
    const images = decodedImages(html);
    expect(images).toHaveLength(1);
    expect(images[0]).toContain('<rect');
    expect(images[0]).not.toMatch(/script|onclick|alert/);
    expect(html.match(/<li class="card/g)).toHaveLength(2);
    expect(html).toContain('<div class="image missing">no image</div>');
    expect(stderr()).toMatch(/warning: turn t2: cannot read .*002\.svg.*shown without its image/);
  });

  it('is a usage error when there is no session', async () => {
    const { ctx } = fakeContext(tempHome());
    await expect(viewCommand(ctx, undefined, { open: false })).rejects.toThrow(UsageError);
  });
});
