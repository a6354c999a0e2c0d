// The page's three downloads: v86's WebAssembly core (compiled while it downloads), the
// kernel image and the root file system. `loader.js`, a small classic script at the top of
// index.html, starts them at once (main.js, 0.7 MB, starts executing several hundred ms
// later); main.js takes them over, or starts them itself when the loader did not run.
//
// The image and the root file system go over the wire gzip-compressed (the root file
// system is 14.7 MB of bytecode, 6 MB compressed: the bytes the page's main thread has to
// take in before the emulator can start) and are inflated with the browser's
// DecompressionStream while they download.

/** What the page fetches, by name (host/web/build.ts writes these files). */
export const WASM_FILE = 'v86.wasm';
export const IMAGE_FILE = 'tskern.elf';
export const ROOTFS_FILE = 'rootfs.cpio';
/** The compressed copies of IMAGE_FILE and ROOTFS_FILE. */
export const GZ = '.gz';

export interface Loads {
  wasm: Promise<WebAssembly.Module>;
  image: Promise<ArrayBuffer>;
  /** The root file system, or undefined when the boot has none (see wantsRootfs). */
  initrd: Promise<ArrayBuffer> | undefined;
}

declare global {
  interface Window {
    /** Set by loader.js: the downloads it started. */
    tskernLoads?: Loads;
  }
}

/**
 * Whether the page boots with the root file system: not with a `test=` command line (the
 * kernel's tests and demos run instead of processes) nor with ?rootfs=0.
 */
export function wantsRootfs(params: URLSearchParams): boolean {
  const cmdline = params.get('cmdline') ?? '';
  return params.get('rootfs') !== '0' && !cmdline.split(' ').some((w) => w.startsWith('test='));
}

/** Starts the downloads for the page at `location` (called by loader.js, or by main.js when it did not run). */
export function startLoads(params: URLSearchParams): Loads {
  const wasm = WebAssembly.compileStreaming(fetch(WASM_FILE))
    // a server that does not say application/wasm: compile the bytes
    .catch(async () => WebAssembly.compile(await fetchBytes(WASM_FILE)));
  // Rejections are handled where main.js awaits these; keep the browser from reporting
  // them as unhandled in the meantime.
  const quiet = <T>(p: Promise<T>): Promise<T> => { p.catch(() => {}); return p; };
  const fetcher = startFetcher();
  const inflated = (name: string) => fetcher !== null ? fetcher(name) : fetchInflated(name);
  return {
    wasm: quiet(wasm),
    image: quiet(inflated(IMAGE_FILE)),
    initrd: wantsRootfs(params) ? quiet(inflated(ROOTFS_FILE)) : undefined,
  };
}

/**
 * The body of the worker that fetches and inflates (fetchInflated's steps, self-contained:
 * it runs from its source text). Inflating the 14.7 MB root file system on the page's main
 * thread took it 0.15-0.9 s (trace: "DecompressionStream Inflate") before main.js could
 * even run; in a worker it runs beside the page's script and v86's compilation, and the
 * result is handed over without a copy (a transfer).
 */
function fetcherWorker(): void {
  onmessage = async (e: MessageEvent<{ url: string; name: string }>) => {
    const { url, name } = e.data;
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      const body = res.body === null || /gzip/i.test(res.headers.get('content-encoding') ?? '') ? await res.arrayBuffer()
        : await new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      postMessage({ name, body }, { transfer: [body] });
    } catch (err) {
      postMessage({ name, error: String(err) });
    }
  };
}

/**
 * A function that fetches `name`.gz and inflates it in a Worker, or null where there is no
 * Worker or DecompressionStream (or the page may not start one): then fetchInflated runs
 * on the main thread.
 */
function startFetcher(): ((name: string) => Promise<ArrayBuffer>) | null {
  if (typeof Worker === 'undefined' || typeof DecompressionStream === 'undefined') return null;
  let worker: Worker;
  try {
    const url = URL.createObjectURL(new Blob([`(${fetcherWorker.toString()})()`], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
  } catch {
    return null;
  }
  const waiting = new Map<string, { resolve: (b: ArrayBuffer) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<{ name: string; body?: ArrayBuffer; error?: string }>) => {
    const w = waiting.get(e.data.name);
    waiting.delete(e.data.name);
    if (e.data.body !== undefined) w?.resolve(e.data.body);
    else w?.reject(new Error(e.data.error));
    if (waiting.size === 0) worker.terminate();
  };
  // a worker that could not start (a policy against blob: workers): the main thread fetches
  worker.onerror = () => {
    for (const [name, w] of waiting) fetchInflated(name).then(w.resolve, w.reject);
    waiting.clear();
    worker.terminate();
  };
  return (name) => new Promise((resolve, reject) => {
    waiting.set(name, { resolve, reject });
    // a blob worker resolves relative URLs against its own blob: URL, so give it the page's
    worker.postMessage({ url: new URL(name + GZ, location.href).href, name });
  });
}

/** The downloads loader.js started, else new ones. */
export function takeLoads(params: URLSearchParams): Loads {
  return window.tskernLoads ?? startLoads(params);
}

/** The body of `name` (a file next to the page); throws on an HTTP error. */
async function fetchBytes(name: string): Promise<ArrayBuffer> {
  const res = await fetch(name);
  if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/**
 * The bytes of `name`, fetched as `name`.gz and inflated as they arrive; the plain file when
 * the browser has no DecompressionStream. A server that labels the .gz file
 * `Content-Encoding: gzip` has the browser inflate it already: then its body is used as is.
 * Throws on an HTTP error or a corrupt stream.
 */
async function fetchInflated(name: string): Promise<ArrayBuffer> {
  if (typeof DecompressionStream === 'undefined') return fetchBytes(name);
  const res = await fetch(name + GZ);
  if (!res.ok) throw new Error(`${name + GZ}: HTTP ${res.status}`);
  if (res.body === null || /gzip/i.test(res.headers.get('content-encoding') ?? '')) return res.arrayBuffer();
  return new Response(res.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
}
