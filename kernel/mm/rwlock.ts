// An asynchronous read-write lock (one per address space: faults read, mmap and friends write).
//
// The interpreter runs one task at a time and switches only at `await`, so a synchronous
// stretch of kernel code is atomic by itself; the lock orders operations that span an
// `await` (a fault waiting for a memory object against an munmap of the same area).
//
// Fair, first come first served: a waiting writer blocks readers that arrive after it, and
// a release hands the lock to the head of the queue (one writer, or every reader up to the
// next writer), so neither side starves. Written with plain Promises (no async functions)
// so that it compiles before the compiler has async/await.

interface Waiter {
  write: boolean;
  wake: () => void;
}

export class RwLock {
  private readers = 0;
  private writer = false;
  private readonly queue: Waiter[] = [];

  /** Resolves once the caller holds the read side; release with releaseRead. */
  read(): Promise<void> {
    if (this.tryRead()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.queue.push({ write: false, wake: resolve });
    });
  }

  /** Resolves once the caller holds the write side; release with releaseWrite. */
  write(): Promise<void> {
    if (this.tryWrite()) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.queue.push({ write: true, wake: resolve });
    });
  }

  /** Takes the read side if that needs no waiting. */
  tryRead(): boolean {
    if (this.writer || this.queue.length > 0) return false;
    this.readers++;
    return true;
  }

  /** Takes the write side if that needs no waiting. */
  tryWrite(): boolean {
    if (this.writer || this.readers > 0 || this.queue.length > 0) return false;
    this.writer = true;
    return true;
  }

  releaseRead(): void {
    if (this.readers <= 0) throw new Error('rwlock: releaseRead without a reader');
    this.readers--;
    if (this.readers === 0) this.handOver();
  }

  releaseWrite(): void {
    if (!this.writer) throw new Error('rwlock: releaseWrite without the writer');
    this.writer = false;
    this.handOver();
  }

  get readerCount(): number {
    return this.readers;
  }

  get writeLocked(): boolean {
    return this.writer;
  }

  get waiting(): number {
    return this.queue.length;
  }

  /** The lock is free: give it to the next writer, or to every reader before the next writer. */
  private handOver(): void {
    if (this.queue.length === 0) return;
    if (this.queue[0].write) {
      this.writer = true;
      (this.queue.shift() as Waiter).wake();
      return;
    }
    while (this.queue.length > 0 && !this.queue[0].write) {
      this.readers++;
      (this.queue.shift() as Waiter).wake();
    }
  }
}
