// What the page waits for on COM1 before `window.tskern.ready` resolves: the first prompt.
// Today that is the kernel's serial-console line; when the shell lands, make this its prompt.
export const PROMPT = 'serial console:';
