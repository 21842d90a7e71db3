import { describe, expect, it } from 'vitest';
import { registry } from '../../src/repl/commands/index.js';
import { completeInput } from '../../src/repl/complete.js';

const words: Record<string, string[]> = { resume: ['fox-at-night', 'Fox-2', 'zebra'], export: ['md', 'html', 'json'], open: ['t1', 't2', 't12'] };
const complete = (line: string) => completeInput(line, registry, (command) => words[command.name] ?? []);

describe('completeInput', () => {
  const table: [string, [string[], string]][] = [
    ['/his', [['/history '], '/his']],
    ['/re', [['/resume', '/rename', '/redo', '/reset', '/regenerate', '/retry'], '/re']],
    ['/q', [['/quit', '/q'], '/q']],
    ['/nothing', [[], '/nothing']],
    ['/resume fo', [['fox-at-night', 'Fox-2'], 'fo']],
    ['/resume ', [['fox-at-night', 'Fox-2', 'zebra'], '']],
    ['/switch z', [['zebra'], 'z']],
    ['/export h', [['html'], 'h']],
    ['/open t1', [['t1', 't12'], 't1']],
    ['/export md fi', [[], '/export md fi']],
    ['/undo x', [[], '/undo x']],
    ['a red fox', [[], 'a red fox']],
    ['//not a command', [[], '//not a command']],
  ];
  it.each(table)('%j', (line, expected) => {
    const [found, replaced] = complete(line);
    expect([[...found].sort(), replaced]).toEqual([[...expected[0]].sort(), expected[1]]);
  });
});
