// Loads the icon library that scripts/build-icons.mjs wrote to dist/data/.
import fs from 'node:fs';
import { ICON_INDEX_VERSION, IconLibrary, type IconMeta, type Postings } from '../compose/retrieve/iconLibrary.js';
import { RuntimeFailure } from '../errors.js';
import { builtPath } from '../paths.js';

// Resolves to <package>/dist/data/ from both src/providers (tests) and dist/providers (the built CLI).
const dataDir = `${builtPath('data')}/`;
let cached: IconLibrary | undefined;

export function loadIconLibrary(): IconLibrary {
  if (cached) return cached;
  let meta: IconMeta;
  let fd: number;
  try {
    meta = JSON.parse(fs.readFileSync(`${dataDir}icons.json`, 'utf8')) as IconMeta;
    fd = fs.openSync(`${dataDir}icons.pack`, 'r');
  } catch (error) {
    throw new RuntimeFailure('the icon index is missing', 'run: npm run build', 'no_index', error);
  }
  if (meta.version !== ICON_INDEX_VERSION) throw new RuntimeFailure(`the icon index is from another version (${meta.version})`, 'run: npm run build', 'stale_index');
  const readBody = (offset: number, length: number) => {
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, offset);
    return buffer.toString('utf8');
  };
  const loadPostings = (): Postings => {
    try {
      return (JSON.parse(fs.readFileSync(`${dataDir}icons-index.json`, 'utf8')) as { postings: Postings }).postings;
    } catch (error) {
      throw new RuntimeFailure('the icon search index is missing', 'run: npm run build', 'no_index', error);
    }
  };
  cached = new IconLibrary(meta, readBody, loadPostings);
  return cached;
}
