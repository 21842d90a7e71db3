// Where svgchat's own files are: found from the package root, so the same code works from src/
// (tests), from dist/ (tsc output) and from the bundled dist/app/ chunks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuntimeFailure } from './errors.js';

let root: string | undefined;
let version: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const data = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (data.name === 'svgchat') {
        root = dir;
        version = data.version;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('svgchat: cannot find its own package.json');
    dir = parent;
  }
}

/** A path under the build output, e.g. builtPath('data', 'icons.json'). */
export function builtPath(...parts: string[]): string {
  return path.join(packageRoot(), 'dist', ...parts);
}

/**
 * A worker process's script: the bundled copy (dist/app/, starts fastest), else the plain tsc output in
 * dist/<plainDir>/. From the TypeScript sources (tests) it is still the built copy, so a build must exist.
 */
export function builtWorker(file: string, plainDir: string, what: string): string {
  const built = [builtPath('app', file), builtPath(plainDir, file)].find((candidate) => fs.existsSync(candidate));
  if (!built) throw new RuntimeFailure(`${what} is not built`, 'run: npm run build');
  return built;
}

export function packageVersion(): string {
  packageRoot();
  return version ?? '0.0.0';
}
