// Path names to inodes: the root, mount points (a directory inode covered by another file
// system's root), `.`/`..`, and symbolic links (at most 40 in one walk, as Linux).

import { Errno } from '../mm/errno.ts';
import { Mode, type Inode } from './types.ts';

const MAX_SYMLINKS = 40;
const PATH_MAX = 4096;

export interface Resolved {
  inode: Inode;
  /** The absolute path that names it, with no `.`, `..` or links (getcwd, /proc). */
  path: string;
}

export interface ParentResolved {
  dir: Inode;
  dirPath: string;
  /** The last component (may be "" for "/"). */
  name: string;
}

export class Vfs {
  /** Mounted file systems: the directory covered -> the root that covers it. */
  private readonly mounts = new Map<Inode, Inode>();
  /** The other way: a mounted root -> the directory it covers (for `..`). */
  private readonly covered = new Map<Inode, Inode>();

  constructor(readonly root: Inode) {}

  mount(at: Inode, root: Inode): void {
    this.mounts.set(at, root);
    this.covered.set(root, at);
  }

  private over(inode: Inode): Inode {
    const m = this.mounts.get(inode);
    return m === undefined ? inode : m;
  }

  /** The inode `path` names, relative to `cwd` unless absolute; follows a final link if `follow`. */
  async resolve(path: string, cwd: Resolved, follow = true): Promise<Resolved | number> {
    if (path.length === 0) return -Errno.ENOENT;
    if (path.length >= PATH_MAX) return -Errno.ENAMETOOLONG;
    return this.walk(path, cwd, follow, { links: 0 });
  }

  /** The directory that would hold `path`'s last component, and that name. */
  async resolveParent(path: string, cwd: Resolved): Promise<ParentResolved | number> {
    if (path.length === 0) return -Errno.ENOENT;
    let end = path.length;
    while (end > 1 && path.charAt(end - 1) === '/') end--;
    const trimmed = path.slice(0, end);
    const slash = trimmed.lastIndexOf('/');
    const dirPart = slash < 0 ? '.' : slash === 0 ? '/' : trimmed.slice(0, slash);
    const name = slash < 0 ? trimmed : trimmed.slice(slash + 1);
    const dir = await this.walk(dirPart, cwd, true, { links: 0 });
    if (typeof dir === 'number') return dir;
    if ((dir.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
    return { dir: dir.inode, dirPath: dir.path, name };
  }

  private async walk(path: string, cwd: Resolved, follow: boolean, state: { links: number }): Promise<Resolved | number> {
    let cur: Resolved = path.charAt(0) === '/' ? { inode: this.over(this.root), path: '/' } : cwd;
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const name = parts[i];
      if (name === '' || name === '.') {
        if (name === '.' && (cur.inode.mode & Mode.TYPE) !== Mode.DIR) return -Errno.ENOTDIR;
        continue;
      }
      if (name.length > 255) return -Errno.ENAMETOOLONG;
      if ((cur.inode.mode & Mode.TYPE) !== Mode.DIR || cur.inode.lookup === undefined) return -Errno.ENOTDIR;
      if (name === '..') {
        cur = this.parentOf(cur);
        continue;
      }
      const found = await cur.inode.lookup(name);
      if (typeof found === 'number') return found;
      const next = this.over(found);
      const last = i === parts.length - 1 || parts.slice(i + 1).every((p) => p === '');
      if ((next.mode & Mode.TYPE) === Mode.LNK && (follow || !last)) {
        if (++state.links > MAX_SYMLINKS) return -Errno.ELOOP;
        const target = next.readlink === undefined ? -Errno.EINVAL : await next.readlink();
        if (typeof target === 'number') return target;
        const r = await this.walk(target, cur, true, state);
        if (typeof r === 'number') return r;
        cur = r;
        continue;
      }
      cur = { inode: next, path: cur.path === '/' ? '/' + name : cur.path + '/' + name };
    }
    return cur;
  }

  private parentOf(cur: Resolved): Resolved {
    if (cur.path === '/') return cur;
    const slash = cur.path.lastIndexOf('/');
    const parentPath = slash <= 0 ? '/' : cur.path.slice(0, slash);
    let inode = cur.inode;
    const under = this.covered.get(inode);
    if (under !== undefined) inode = under;
    const up = inode.lookup === undefined ? inode : inode.lookup('..');
    // every directory of ours answers `..` synchronously
    const parent = typeof up === 'number' || up instanceof Promise ? inode : up;
    return { inode: this.over(parent), path: parentPath };
  }
}
