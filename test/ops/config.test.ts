// The operability variables are validated like the others: a wrong value stops the service with a
// message naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('SHUTDOWN_TIMEOUT_MS, METRICS_PORT, METRICS_HOST', () => {
  it('defaults: a 10 s shutdown deadline, no metrics port, metrics bound to loopback', () => {
    const c = loadConfig({});
    expect(c.SHUTDOWN_TIMEOUT_MS).toBe(10_000);
    expect(c.METRICS_PORT).toBeUndefined();
    expect(c.METRICS_HOST).toBe('127.0.0.1');
  });

  it('takes valid values', () => {
    const c = loadConfig({ SHUTDOWN_TIMEOUT_MS: '0', METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' });
    expect(c).toMatchObject({ SHUTDOWN_TIMEOUT_MS: 0, METRICS_PORT: 9464, METRICS_HOST: '0.0.0.0' });
    expect(loadConfig({ METRICS_PORT: '' }).METRICS_PORT).toBeUndefined(); // empty = unset
  });

  it.for([
    ['SHUTDOWN_TIMEOUT_MS', 'soon'],
    ['SHUTDOWN_TIMEOUT_MS', '-1'],
    ['SHUTDOWN_TIMEOUT_MS', '1.5'],
    ['SHUTDOWN_TIMEOUT_MS', '3600000'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '70000'],
    ['METRICS_PORT', 'metrics'],
  ])('%s=%s is refused, naming the variable', ([name, bad]) => {
    expect(() => loadConfig({ [name]: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: bad })).toThrow(name);
  });
});
