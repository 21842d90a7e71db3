// Whatever a provider returns, the stored SVG has been through the safety core with the session's profile.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { settingsFor } from '../../src/config/file.js';
import { generateTurn } from '../../src/pipeline/generateTurn.js';
import type { Provider } from '../../src/providers/types.js';
import { SessionStore } from '../../src/store/sessionStore.js';
import { tempHome } from '../helpers/cli.js';
import { fakeContext } from '../helpers/context.js';

const HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(1)</script><style>.a{fill:red}</style><rect class="a" width="32" height="32" onload="x()"/><text>hi</text></svg>';

vi.mock('../../src/providers/index.js', () => ({
  createProvider: async (): Promise<Provider> => ({
    id: 'openai',
    async *generate() {
      return { svg: HOSTILE, model: 'fake', notes: ['from the fake provider'] };
    },
  }),
}));

async function turnWith(profile: 'default' | 'kaggle') {
  const home = tempHome();
  const { ctx } = fakeContext(home);
  const settings = { ...settingsFor(ctx, {}).values, profile };
  const store = new SessionStore(home);
  const session = store.create({ prompt: 'x', settings: { provider: settings.provider, model: settings.model, size: settings.size, profile } });
  const outcome = await generateTurn(store, session.id, { prompt: 'a red square', settings }, new AbortController().signal);
  const stored = fs.readFileSync(path.join(store.dir, outcome.turn.svg!.path), 'utf8');
  return { outcome, stored };
}

describe('generateTurn', () => {
  it('stores only the sanitized SVG and tells what was removed', async () => {
    const { outcome, stored } = await turnWith('default');
    expect(stored).toBe(outcome.svg);
    expect(stored).not.toMatch(/script|onload/);
    expect(stored).toContain('viewBox="0 0 64 64"');
    expect(outcome.notes[0]).toBe('from the fake provider');
    expect(outcome.notes).toContain('sanitized: removed <script>: not an allowed element');
  });

  it('fits the kaggle profile when the session has it', async () => {
    const { stored, outcome } = await turnWith('kaggle');
    expect(stored).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="32" height="32" fill="red"/></svg>');
    expect(outcome.notes.some((note) => note.includes('<text>'))).toBe(true);
  });
});
