import { describe, expect, it } from 'vitest';
import { autoName, autoTitle, SESSION_NAME_PATTERN, validateSessionName } from '../../src/store/names.js';
import { UsageError } from '../../src/errors.js';

describe('session names', () => {
  it.each([
    ['../x', /not a path/],
    ['/etc/passwd', /not a path/],
    ['a\\b', /not a path/],
    ['', /empty/],
    ['x'.repeat(200), /200 characters/],
    ['.hidden', /starts with "\."/],
    ['two words', /letters, digits/],
    ['naïve', /letters, digits/],
    ['fox.json', /ends in "\.json"/],
    ['Fox.JSON', /ends in "\.json"/],
  ])('%j is refused with a clear reason', (name, reason) => {
    let thrown: unknown;
    try {
      validateSessionName(name);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).exitCode).toBe(2);
    expect((thrown as UsageError).message).toMatch(reason);
    expect((thrown as UsageError).message.length).toBeLessThan(120);
  });

  it.each(['fox', 'Fox-2', 'a', 'my_session.v2', '-dash', 'x'.repeat(64), 'json', 'fox.jsonl', 'fox.json-2'])('%j is a good name', (name) => {
    expect(validateSessionName(name)).toBe(name);
  });

  it.each([
    ['A red fox in the snow', 'red-fox-snow-ab12'],
    ['', 'session-ab12'],
    ['日本の猫', 'session-ab12'],
    ['supercalifragilisticexpialidocious '.repeat(5), /^[a-z-]{58}-ab12$/],
  ])('auto name for %j is a valid name', (prompt, expected) => {
    const name = autoName(prompt, 'ab12');
    expect(name).toMatch(expected);
    expect(name).toMatch(SESSION_NAME_PATTERN);
  });

  it('auto titles are one shortened line', () => {
    expect(autoTitle('  a fox\n in   the snow ')).toBe('a fox in the snow');
    expect(autoTitle('x'.repeat(100))).toHaveLength(60);
    expect(autoTitle('   ')).toBe('untitled');
  });
});
