import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../helpers/cli.js';

const HOSTILE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><script>alert(1)</script><a href="javascript:alert(1)"><rect width="5" height="5"/></a></svg>';

describe('svgchat sanitize (built binary)', () => {
  it('cleans a file to stdout, lists removals on stderr, exits 0', () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'in.svg'), HOSTILE);
    const result = runCli(['sanitize', 'in.svg'], { home });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><rect width="5" height="5"/></g></svg>\n');
    expect(result.stderr).toContain('removed <script>');
    expect(result.stderr).toContain('replaced link <a> by a plain group');
  });

  it('exits 2 with one clear line and a hint for a DOCTYPE, gzip or malformed input', () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'bomb.svg'), '<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>');
    fs.writeFileSync(path.join(home, 'zipped.svgz'), gzipSync(HOSTILE));
    for (const [file, message] of [['bomb.svg', /DOCTYPE/], ['zipped.svgz', /gzip/]] as const) {
      const result = runCli(['sanitize', file], { home });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^svgchat: error: invalid SVG: .*\nhint: /);
    }
    const piped = runCli(['sanitize', '-'], { home, input: '<svg><g></svg>' });
    expect(piped.status).toBe(2);
    expect(piped.stderr).toMatch(/malformed XML/);
  });

  it('--profile kaggle --json from stdin', () => {
    const home = tempHome();
    const result = runCli(['sanitize', '-', '--profile', 'kaggle', '--json'], { home, input: HOSTILE.replace('<script>alert(1)</script>', '<text>t</text>') });
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ profile: 'kaggle', ok: true });
    expect(json.svg).not.toMatch(/text|href/);
  });

  it('is listed in --help with an example', () => {
    const result = runCli(['sanitize', '--help'], { home: tempHome() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('svgchat sanitize untrusted.svg -o clean.svg');
  });
});
