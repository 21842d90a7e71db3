// After each test file, its temp homes go: a full run makes hundreds, some holding a thousand sessions.
import { afterAll } from 'vitest';
import { removeTempHomes } from './cli.js';

afterAll(() => removeTempHomes());
