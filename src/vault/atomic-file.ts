import { randomUUID } from "node:crypto";
import { link, mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes a file so that a reader (or a crash) sees either the old content or the new, never a torn
 * one: a private temp file beside the target (mode 0600), fsync, then rename over the target — or,
 * with `exclusive`, a hard link that fails with EEXIST when the target already exists (two processes
 * generating the same file at once: exactly one wins, the other reads the winner's). The directory is
 * created 0700 and synced afterwards so the rename itself is durable.
 */
export async function writeFileAtomically(
  path: string,
  content: string,
  options: { readonly exclusive?: boolean } = {},
): Promise<void> {
  const directory = dirname(path);
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temp = join(directory, `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, "wx", 0o600);
    try {
      await handle.writeFile(content, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.exclusive) await link(temp, path);
    else await rename(temp, path);
  } finally {
    await rm(temp, { force: true });
  }
  await syncDirectory(directory);
}

async function syncDirectory(directory: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(directory, "r");
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has happened, only its durability
    // across a power cut is then up to the filesystem.
  } finally {
    await handle?.close();
  }
}
