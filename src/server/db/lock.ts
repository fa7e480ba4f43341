import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirectoryLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is already in use by another Bridges process (pid ${String(pid)}). ` +
        `Stop that process first, or point BRIDGES_DATA_DIR at another directory. (Lock file: ${lockFile})`,
    );
    this.name = 'DataDirectoryLockedError';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory for this process, so a second process can
 * never open (and corrupt) it. Returns the function that releases it.
 *
 * NOTE: a PID file rather than an mtime lease (proper-lockfile): a lease can be judged stale while
 * a busy process blocks its event loop during a big import, and after a crash it makes the next
 * start wait; a PID that is no longer alive is unambiguous on one machine.
 */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockFile = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new DataDirectoryLockedError(dataDir, lockFile, holder);
      }
      // The holder died without releasing (a crash or a kill -9): the lock is stale.
      unlinkSync(lockFile);
    }
  }
  throw new Error(`Could not take the lock ${lockFile}: another process is starting on the same directory`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
