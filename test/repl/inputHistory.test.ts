import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendHistory, historyFile, loadHistory } from '../../src/repl/inputHistory.js';
import { tempHome } from '../helpers/cli.js';

describe('REPL input history', () => {
  it('appends entries (multi-line ones on one line) and loads them back, oldest first', () => {
    const home = tempHome();
    expect(loadHistory(home)).toEqual([]);
    appendHistory(home, 'a red fox');
    appendHistory(home, '  a blue whale\n  under a yellow sun ');
    appendHistory(home, '   ');
    appendHistory(home, '/history');
    expect(loadHistory(home)).toEqual(['a red fox', 'a blue whale under a yellow sun', '/history']);
    expect(fs.statSync(historyFile(home)).mode & 0o777).toBe(0o600);
  });

  it('keeps the newest entries up to the cap, and trims the file once it has doubled', () => {
    const home = tempHome();
    for (let i = 1; i <= 25; i++) appendHistory(home, `prompt ${i}`);
    expect(loadHistory(home, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `prompt ${i + 16}`));
    expect(fs.readFileSync(historyFile(home), 'utf8').trim().split('\n')).toHaveLength(10);
    expect(loadHistory(home, 20)).toHaveLength(10);
  });
});
