// The ext2 on-disk format (revision 1), as Linux's fs/ext2/ext2.h and e2fsprogs define it:
// field offsets of the superblock, the group descriptor, the inode and the directory
// entry, and the constants both the kernel's ext2 (kernel/fs/ext2/) and the host's image
// writer (image-builder/ext2/) use. Pure numbers: no hardware, so the host may import it.
//
// Layout: block 0 holds the boot sector and, at byte 1024, the superblock (1024 bytes).
// With 1 KiB blocks the superblock is block 1 (s_first_data_block = 1); with larger blocks
// it lies inside block 0. Blocks are split in groups of s_blocks_per_group; each group has
// a block bitmap (one block), an inode bitmap (one block) and an inode table; groups 0, 1
// and powers of 3, 5 and 7 also start with a copy of the superblock and the group
// descriptor table (SPARSE_SUPER).

export enum Ext2 {
  MAGIC = 0xef53,
  SUPERBLOCK_OFFSET = 1024,
  SUPERBLOCK_SIZE = 1024,
  ROOT_INO = 2,
  /** The first inode that is not reserved (lost+found gets it). */
  FIRST_INO = 11,
  INODE_SIZE = 128,
  GROUP_DESC_SIZE = 32,
  /** i_block: 12 direct, then single, double and triple indirect. */
  NDIR_BLOCKS = 12,
  IND_BLOCK = 12,
  DIND_BLOCK = 13,
  TIND_BLOCK = 14,
  N_BLOCKS = 15,
  /** Symlinks shorter than this live in i_block itself (fast symlinks, i_blocks = 0). */
  FAST_SYMLINK_MAX = 60,
  NAME_MAX = 255,
  /** s_state */
  VALID_FS = 1,
  /** s_errors: continue */
  ERRORS_CONTINUE = 1,
  DYNAMIC_REV = 1,
  /** s_feature_incompat: directory entries carry the file type. */
  FEATURE_INCOMPAT_FILETYPE = 0x0002,
  /** s_feature_ro_compat: superblock backups only in groups 0, 1 and powers of 3, 5, 7. */
  FEATURE_RO_COMPAT_SPARSE_SUPER = 0x0001,
  /** s_feature_ro_compat: files of 2 GiB and more (i_size_high). */
  FEATURE_RO_COMPAT_LARGE_FILE = 0x0002,
}

/** Superblock field offsets (bytes into the superblock). */
export enum Sb {
  INODES_COUNT = 0, BLOCKS_COUNT = 4, R_BLOCKS_COUNT = 8, FREE_BLOCKS_COUNT = 12, FREE_INODES_COUNT = 16,
  FIRST_DATA_BLOCK = 20, LOG_BLOCK_SIZE = 24, LOG_FRAG_SIZE = 28, BLOCKS_PER_GROUP = 32, FRAGS_PER_GROUP = 36,
  INODES_PER_GROUP = 40, MTIME = 44, WTIME = 48, MNT_COUNT = 52, MAX_MNT_COUNT = 54, MAGIC = 56, STATE = 58,
  ERRORS = 60, MINOR_REV_LEVEL = 62, LASTCHECK = 64, CHECKINTERVAL = 68, CREATOR_OS = 72, REV_LEVEL = 76,
  DEF_RESUID = 80, DEF_RESGID = 82, FIRST_INO = 84, INODE_SIZE = 88, BLOCK_GROUP_NR = 90,
  FEATURE_COMPAT = 92, FEATURE_INCOMPAT = 96, FEATURE_RO_COMPAT = 100, UUID = 104, VOLUME_NAME = 120,
}

/** Group descriptor field offsets. */
export enum Gd {
  BLOCK_BITMAP = 0, INODE_BITMAP = 4, INODE_TABLE = 8, FREE_BLOCKS_COUNT = 12, FREE_INODES_COUNT = 14,
  USED_DIRS_COUNT = 16,
}

/** Inode field offsets. */
export enum In {
  MODE = 0, UID = 2, SIZE = 4, ATIME = 8, CTIME = 12, MTIME = 16, DTIME = 20, GID = 24, LINKS_COUNT = 26,
  BLOCKS = 28, FLAGS = 32, BLOCK = 40, GENERATION = 100, FILE_ACL = 104, SIZE_HIGH = 108,
}

/** Directory entry: inode (u32), rec_len (u16), name_len (u8), file_type (u8), name. */
export enum De {
  INODE = 0, REC_LEN = 4, NAME_LEN = 6, FILE_TYPE = 7, NAME = 8,
}

/** i_mode: file type (high bits) and permissions. */
export enum Mode {
  IFMT = 0xf000, IFSOCK = 0xc000, IFLNK = 0xa000, IFREG = 0x8000, IFBLK = 0x6000, IFDIR = 0x4000,
  IFCHR = 0x2000, IFIFO = 0x1000,
}

/** file_type in directory entries (FILETYPE feature). */
export enum FileType {
  UNKNOWN = 0, REG_FILE = 1, DIR = 2, CHRDEV = 3, BLKDEV = 4, FIFO = 5, SOCK = 6, SYMLINK = 7,
}

/** The directory-entry file type for an i_mode. */
export function fileTypeOfMode(mode: number): number {
  switch (mode & Mode.IFMT) {
    case Mode.IFREG: return FileType.REG_FILE;
    case Mode.IFDIR: return FileType.DIR;
    case Mode.IFLNK: return FileType.SYMLINK;
    case Mode.IFCHR: return FileType.CHRDEV;
    case Mode.IFBLK: return FileType.BLKDEV;
    case Mode.IFIFO: return FileType.FIFO;
    case Mode.IFSOCK: return FileType.SOCK;
    default: return FileType.UNKNOWN;
  }
}

/** The space a directory entry with a name of `nameLen` bytes needs: 8 + name, rounded up to 4. */
export function direntSize(nameLen: number): number {
  return (8 + nameLen + 3) & ~3;
}

/** Whether group `g` holds a superblock backup under SPARSE_SUPER (0, 1, powers of 3, 5, 7). */
export function groupHasSuper(g: number): boolean {
  if (g <= 1) return true;
  for (const base of [3, 5, 7]) {
    let p = base;
    while (p < g) p *= base;
    if (p === g) return true;
  }
  return false;
}
