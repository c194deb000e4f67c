import { createHash, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** The temporary name a file is written under before it is renamed into place. */
export function tempName(file: string): string {
  return `${file}.tmp-${process.pid}`;
}

/** Flushes a directory entry to disk, so a rename inside it survives a power cut. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * A file written in pieces under `<name>.tmp-<pid>`, synced and renamed to its name on
 * {@link AtomicFile.commit}: a reader never sees a half-written file under the final name.
 */
export class AtomicFile {
  /** The final path. */
  readonly file: string;
  readonly #temp: string;
  #fd: number | undefined;
  #bytes = 0;
  readonly #hash: Hash = createHash('sha256');
  #digest: string | undefined;

  constructor(file: string) {
    this.file = file;
    this.#temp = tempName(file);
    this.#fd = openSync(this.#temp, 'w');
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Appends text (UTF-8) or bytes. */
  write(chunk: string | Uint8Array): void {
    if (this.#fd === undefined) throw new Error(`${this.file} is already closed`);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    // writeSync may write fewer bytes than asked; loop until the piece is out.
    for (let offset = 0; offset < bytes.length; ) offset += writeSync(this.#fd, bytes, offset);
    this.#bytes += bytes.length;
    this.#hash.update(bytes);
  }

  /** SHA-256 (hex) of the content; final once committed. */
  get sha256(): string {
    this.#digest ??= this.#hash.digest('hex');
    return this.#digest;
  }

  /** Syncs, closes and renames into place. */
  commit(): void {
    const fd = this.#fd;
    if (fd === undefined) throw new Error(`${this.file} is already closed`);
    fsyncSync(fd);
    closeSync(fd);
    this.#fd = undefined;
    void this.sha256;
    renameSync(this.#temp, this.file);
    fsyncDir(dirname(this.file));
  }

  /** Gives up: closes and deletes the temporary file. */
  abort(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
    rmSync(this.#temp, { force: true });
  }
}

/** Writes a whole file atomically (temporary name, fsync, rename); returns its size and SHA-256. */
export function writeFileAtomic(file: string, content: string | Uint8Array): FileDigest {
  const out = new AtomicFile(file);
  try {
    out.write(content);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
  return { bytes: out.bytes, sha256: out.sha256 };
}

/** Size and SHA-256 of a written file, listed in the manifest. */
export interface FileDigest {
  readonly bytes: number;
  readonly sha256: string;
}
