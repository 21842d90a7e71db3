import { describe, expect, it } from 'vitest';
import { envSettings, resolveSettings, maskSecret, streamFlag } from '../../src/config/settings.js';

describe('resolveSettings precedence: defaults < config < env < flags', () => {
  it.each([
    [{}, {}, {}, { provider: 'offline', model: 'composer-1', size: '512x512' }, { provider: 'default' }],
    [{ model: 'a' }, {}, {}, { model: 'a' }, { model: 'config' }],
    [{ model: 'a' }, { model: 'b' }, {}, { model: 'b' }, { model: 'env' }],
    [{ model: 'a' }, { model: 'b' }, { model: 'c' }, { model: 'c' }, { model: 'flag' }],
    [{}, { apiKey: 'sk-x' }, {}, { provider: 'openai', model: 'gpt-4o-mini' }, { apiKey: 'env' }],
    [{ baseUrl: 'http://127.0.0.1:1234/v1' }, {}, {}, { provider: 'openai' }, { baseUrl: 'config' }],
    [{ baseUrl: 'http://127.0.0.1:1234/v1' }, {}, { provider: 'offline' }, { provider: 'offline', model: 'composer-1' }, { provider: 'flag' }],
    [{ size: '256x128' }, {}, {}, { size: '256x128' }, { size: 'config' }],
  ])('config %j env %j flags %j', (file, env, flags, values, sources) => {
    const resolved = resolveSettings({ file, env, flags });
    if ('error' in resolved) throw new Error(resolved.error);
    expect(resolved.values).toMatchObject(values);
    expect(resolved.sources).toMatchObject(sources);
  });

  it('names the source of an invalid value', () => {
    expect(resolveSettings({ file: {}, env: { size: 'big' }, flags: {} })).toMatchObject({ key: 'size', source: 'env' });
    expect(resolveSettings({ file: { provider: 'nope' }, env: {}, flags: {} })).toMatchObject({ key: 'provider', source: 'config' });
  });

  it('reads the documented environment variables, keeping an empty key', () => {
    expect(envSettings({ OPENAI_API_KEY: '', SVGCHAT_MODEL: '', SVGCHAT_PROVIDER: 'offline' })).toEqual({ apiKey: '', provider: 'offline' });
  });

  it('streams unless stream is turned off, by config, SVGCHAT_STREAM or --no-stream', () => {
    const stream = (file: object, env: Record<string, string>, flags: object) => {
      const resolved = resolveSettings({ file, env: envSettings(env), flags });
      if ('error' in resolved) throw new Error(resolved.error);
      return [resolved.values.stream, resolved.sources.stream];
    };
    expect(stream({}, {}, {})).toEqual([true, 'default']);
    expect(stream({ stream: false }, {}, {})).toEqual([false, 'config']);
    expect(stream({}, { SVGCHAT_STREAM: 'false' }, {})).toEqual([false, 'env']);
    expect(stream({}, { SVGCHAT_STREAM: ' Off ' }, {})).toEqual([false, 'env']);
    expect(stream({ stream: false }, { SVGCHAT_STREAM: '1' }, {})).toEqual([true, 'env']);
    expect(stream({}, {}, { stream: streamFlag(false) })).toEqual([false, 'flag']);
    // Without --no-stream commander still says true: that must not override the config file.
    expect(stream({ stream: false }, {}, { stream: streamFlag(true) })).toEqual([false, 'config']);
    expect(resolveSettings({ file: {}, env: envSettings({ SVGCHAT_STREAM: 'maybe' }), flags: {} })).toMatchObject({ key: 'stream', source: 'env', error: 'stream: must be true or false' });
  });

  it('never shows a key in full', () => {
    expect(maskSecret('sk-1234567890abcdef')).not.toContain('567890');
  });
});
