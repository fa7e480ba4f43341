import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded database in ./.bridges/data on 127.0.0.1:3000', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ engine: 'pglite', dataDir: path.resolve('.bridges/data') });
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, logLevel: 'info' });
  });

  it('uses a PostgreSQL server when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', DATABASE_POOL_SIZE: '4' }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://u@h:5432/db',
      poolSize: 4,
    });
  });

  it('believes forwarded headers only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2, 192.168.0.0/16,::1' }).trustProxy).toEqual([
      '10.0.0.2',
      '192.168.0.0/16',
      '::1',
    ]);
  });

  it('takes PUBLIC_URL as the origin links in answers name', () => {
    expect(loadConfig({}).publicOrigin).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'https://data.example.org/' }).publicOrigin).toBe('https://data.example.org');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).publicOrigin).toBe('http://localhost:3000');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).database.engine).toBe('pglite');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x/y' }, /DATABASE_URL: must be a postgres/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ TRUST_PROXY: 'yes please' }, /TRUST_PROXY: must be true, false, or a comma-separated list/],
    [{ PUBLIC_URL: 'data.example.org' }, /PUBLIC_URL: must be an http:\/\/ or https:\/\/ address/],
    [{ PUBLIC_URL: 'ftp://data.example.org' }, /PUBLIC_URL: must be an http:\/\/ or https:\/\/ address/],
    [{ PUBLIC_URL: 'https://example.org/bridges' }, /PUBLIC_URL: must be an origin only/],
  ])('names the variable at fault: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
