import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseStartError, describeFileError } from './database-start-error.js';

/**
 * Who holds an embedded database's data folder: written to `integra.lock` in the folder. The start
 * time of the process (as the kernel counts it) and the boot id tell a live holder from an unrelated
 * process that was later given the same pid.
 */
export type LockHolder = {
  pid: number;
  host: string;
  /** What holds it: `server`, `seed:demo`, … */
  purpose: string;
  startedAt: string;
  /** The process's start in clock ticks after boot (Linux), or null where the system does not tell. */
  processStart: number | null;
  bootId: string | null;
};

export type DataFolderLock = { path: string; holder: LockHolder; release: () => void };

export const lockFileName = 'integra.lock';

/**
 * Takes the data folder for this process, or throws a DatabaseStartError naming the process that
 * holds it. The lock file appears whole or not at all (written aside, then hard-linked into place,
 * which fails if it exists), so two processes starting together cannot both win. A lock left by a
 * process that no longer runs (killed, or the machine restarted) is taken over; it is removed only
 * while holding `integra.lock.takeover`, after reading it again, so a lock another process has just
 * taken is never removed by mistake. The lock is released on close and on any normal exit.
 */
export function lockDataFolder(dataDir: string, purpose: string): DataFolderLock {
  const lockPath = path.join(dataDir, lockFileName);
  const holder = currentHolder(purpose);
  for (let attempt = 0; attempt < 20; attempt++) {
    if (createExclusively(dataDir, lockPath, holder)) {
      const release = () => {
        process.removeListener('exit', release);
        // Only our own lock is removed: never one a later process holds.
        if (sameHolder(readHolder(lockPath), holder)) tryUnlink(lockPath);
      };
      process.on('exit', release);
      return { path: lockPath, holder, release };
    }
    const existing = readHolder(lockPath);
    if (existing === 'missing') continue;
    if (existing !== 'unreadable' && isAlive(existing)) throw inUse(dataDir, existing);
    removeStaleLock(dataDir, lockPath, existing);
  }
  throw new DatabaseStartError(
    `the data folder ${dataDir} could not be locked: ${lockFileName} keeps changing; is another Integra starting?`,
  );
}

/** The holder written by this process. */
export function currentHolder(purpose: string): LockHolder {
  return {
    pid: process.pid,
    host: os.hostname(),
    purpose,
    startedAt: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    bootId: readBootId(),
  };
}

/**
 * True when the holder may still be running: on another host we cannot tell, so it counts as alive;
 * on this one, after a reboot it is gone, and otherwise its pid must exist with the same start time.
 */
export function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  const bootId = readBootId();
  if (holder.bootId && bootId && holder.bootId !== bootId) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: a process of another user has that pid now; its start time below decides.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStartOf(holder.pid);
  if (holder.processStart !== null && start !== null) return start === holder.processStart;
  return true;
}

function createExclusively(dataDir: string, lockPath: string, holder: LockHolder): boolean {
  const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    writeFileSync(aside, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
    linkSync(aside, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw describeFileError(error, dataDir);
  } finally {
    tryUnlink(aside);
  }
}

function removeStaleLock(dataDir: string, lockPath: string, stale: LockHolder | 'unreadable'): void {
  const takeoverPath = `${lockPath}.takeover`;
  const me = currentHolder('takeover');
  if (!createExclusively(dataDir, takeoverPath, me)) {
    // Another process is taking the stale lock over; if it died doing so, its marker is cleared.
    const other = readHolder(takeoverPath);
    if (other === 'missing') return;
    if (other === 'unreadable' || !isAlive(other)) tryUnlink(takeoverPath);
    else sleep(50);
    return;
  }
  try {
    const now = readHolder(lockPath);
    if (now === 'missing') return;
    if (stale === 'unreadable' ? now === 'unreadable' : now !== 'unreadable' && sameHolder(now, stale)) tryUnlink(lockPath);
  } finally {
    tryUnlink(takeoverPath);
  }
}

function readHolder(lockPath: string): LockHolder | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return 'unreadable';
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return 'unreadable';
    return {
      pid: value.pid,
      host: value.host,
      purpose: typeof value.purpose === 'string' ? value.purpose : 'unknown',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : 'unknown',
      processStart: typeof value.processStart === 'number' ? value.processStart : null,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
    };
  } catch {
    return 'unreadable';
  }
}

function sameHolder(a: LockHolder | 'missing' | 'unreadable', b: LockHolder): boolean {
  return typeof a === 'object' && a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt && a.processStart === b.processStart;
}

function inUse(dataDir: string, holder: LockHolder): DatabaseStartError {
  const where = holder.host === os.hostname() ? `on this machine (${holder.host})` : `on host ${holder.host}`;
  const hint =
    holder.host === os.hostname()
      ? 'Stop it first'
      : `Stop it first; if Integra no longer runs there, delete ${path.join(dataDir, lockFileName)}`;
  return new DatabaseStartError(
    `the data folder ${dataDir} is in use by another Integra process: pid ${holder.pid} ${where}, ${holder.purpose} since ${holder.startedAt}. ${hint}: two processes on one embedded database would lose writes.`,
  );
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot. */
function processStartOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = Number(fields[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

function readBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

function tryUnlink(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
