// loader.js: index.html's first script, a few hundred bytes run before the page's 0.7 MB
// main.js has even arrived. It starts v86's compilation and the downloads of the kernel
// image and the root file system (./loads.ts) and leaves them to main.js.

import { startLoads } from './loads.ts';

window.tskernLoads = startLoads(new URLSearchParams(location.search));
