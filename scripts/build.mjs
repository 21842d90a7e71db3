// One build: compile TypeScript to dist/, then build the icon index if its inputs changed.
// Runs on `npm install` (prepare), `npm test` and `npm run bench`, so it must be quick when nothing changed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
const started = Date.now();
const compiled = spawnSync(tsc, ['-p', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: TypeScript compilation failed');
  process.exit(compiled.status ?? 1);
}
// The `serve` page's browser script (DOM types, its own tsconfig) -> dist/pages/client/.
const page = spawnSync(tsc, ['-p', path.join(root, 'src', 'pages', 'client', 'tsconfig.json')], { stdio: 'inherit' });
if (page.status !== 0) {
  console.error('build: the web page script (src/pages/client) failed to compile');
  process.exit(page.status ?? 1);
}
// tsc never deletes: drop compiled files whose source is gone, so a moved module cannot keep
// passing tests from a stale copy in dist/.
const fs = await import('node:fs');
function pruneStale(distDir, srcDir) {
  for (const entry of fs.readdirSync(distDir, { withFileTypes: true })) {
    const built = path.join(distDir, entry.name);
    if (entry.isDirectory()) {
      if (built === path.join(root, 'dist', 'data') || built === path.join(root, 'dist', 'app')) continue;
      pruneStale(built, path.join(srcDir, entry.name));
      if (fs.readdirSync(built).length === 0) fs.rmdirSync(built);
    } else if (/\.m?js$/.test(entry.name)) {
      const base = entry.name.replace(/\.(m?)js$/, '');
      const ext = entry.name.endsWith('.mjs') ? ['.mts'] : ['.ts', '.tsx'];
      if (!ext.some((e) => fs.existsSync(path.join(srcDir, base + e)))) fs.rmSync(built);
    }
  }
}
pruneStale(path.join(root, 'dist'), path.join(root, 'src'));
// Imported only now: the index builder uses the freshly compiled term normaliser from dist/.
const { buildIconIndex } = await import('./build-icons.mjs');
const index = await buildIconIndex(root);
// The CLI as a few bundled chunks (dist/app/): loading ~200 small modules cost more than all of a
// command's own work. Native resvg stays external, and so does `open`, which finds its helper
// scripts next to itself. Dynamic imports stay chunks of their own, so each command still loads
// only what it needs.
const { build } = await import('rolldown');
fs.rmSync(path.join(root, 'dist', 'app'), { recursive: true, force: true });
const bundled = await build({
  input: { main: path.join(root, 'dist', 'main.js'), renderWorker: path.join(root, 'dist', 'score', 'renderWorker.js'), batchWorker: path.join(root, 'dist', 'commands', 'batchWorker.js') },
  platform: 'node',
  external: [/^node:/, /^@resvg\//, /^open$/],
  transform: { define: { SVGCHAT_VERSION: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version) } },
  output: { dir: path.join(root, 'dist', 'app'), format: 'esm', chunkFileNames: '[name]-[hash].js' },
  logLevel: 'warn',
});
// The bundle carries other projects' code: their licences travel with it (dist/app/THIRD-PARTY-NOTICES.md).
fs.writeFileSync(path.join(root, 'dist', 'app', 'THIRD-PARTY-NOTICES.md'), thirdPartyNotices(bundled.output));

function thirdPartyNotices(output) {
  const packages = new Map();
  for (const chunk of output) {
    for (const id of chunk.moduleIds ?? []) {
      const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id);
      if (match && !packages.has(match[1])) packages.set(match[1], JSON.parse(fs.readFileSync(path.join(match[1], 'package.json'), 'utf8')));
    }
  }
  const sections = [...packages].sort(([, a], [, b]) => a.name.localeCompare(b.name)).map(([dir, pkg]) => {
    const licenceFile = fs.readdirSync(dir).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    const text = licenceFile ? fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() : `${pkg.license ?? 'see the package'} (no licence file in the package)`;
    return `## ${pkg.name} ${pkg.version} (${pkg.license ?? 'unknown licence'})\n\n\`\`\`\n${text}\n\`\`\`\n`;
  });
  return `# Third-party code bundled in dist/app/\n\nsvgchat's build bundles these packages into its own files. Their licences follow.\n\n${sections.join('\n')}`;
}
console.error(`build: ok in ${Date.now() - started} ms${index.rebuilt ? ` (icon index: ${index.count} icons)` : ''}`);
