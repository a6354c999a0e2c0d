// npm install must never download a browser: the tests use a system Chromium or the one
// @sparticuz/chromium ships (host/web/browser.ts finds it).
module.exports = { skipDownload: true };
