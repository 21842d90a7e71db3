// Appends turns to one session as fast as it can and prints the turn count after each append returns.
// crash.test.ts kills it with SIGKILL at random moments. Runs the built store (dist/), as a user's process would.
import { SessionStore } from '../../../dist/store/sessionStore.js';

const [home, name] = process.argv.slice(2);
const store = new SessionStore(home, { onWarning: (message) => process.stderr.write(`warning: ${message}\n`) });
const settings = { provider: 'offline', model: 'composer-1', size: '512x512', profile: 'default' };
store.ensure({ name, settings });
// A bulky scene makes each write of the session file long, so kills often land in the middle of one.
const scene = { items: Array.from({ length: 150 }, (_, i) => ({ id: `i${i}`, concept: 'tree', bbox: [i, i, 10, 10] })) };
for (let i = 0; ; i++) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="${i % 9}" fill="#${String(i).padStart(6, '0').slice(-6)}"/>${'<!-- pad -->'.repeat(i % 50)}</svg>`;
  const { session } = store.appendTurn(name, { prompt: `prompt ${process.pid} ${i}`, provider: 'offline', model: 'composer-1', seed: i, svg, scene, score: null, usage: null, durationMs: 1, candidates: [], error: null });
  process.stdout.write(`${session.turns.length}\n`);
}
