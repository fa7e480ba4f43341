import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirectoryLockedError, lockDataDirectory } from './lock.js';

describe('data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bridges-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is exclusive while held and free once released', () => {
    const dataDir = path.join(dir, 'data');
    const release = lockDataDirectory(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDirectory(dataDir)).toThrow(DataDirectoryLockedError);
    expect(() => lockDataDirectory(dataDir)).toThrow(/already in use by another Bridges process/);
    release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataDirectory(dataDir)();
  });

  it('takes over a lock whose process is gone', () => {
    const dataDir = path.join(dir, 'data');
    // The pid of a process that has certainly exited.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    }).stdout;
    writeFileSync(`${dataDir}.lock`, dead);
    const release = lockDataDirectory(dataDir);
    expect(readFileSync(`${dataDir}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
