// The one Content-Security-Policy of the renderer: sent as a header by app:// and `sanwu serve`, and
// repeated in src/renderer/index.html (a test keeps them equal). antd injects <style> elements, hence
// style-src 'unsafe-inline'; scripts only from the app itself. Files fetched with the session headers
// become blob: URLs (browser mode), hence blob: for images, frames (PDF) and the page's own reads.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** For attachments and downloads shown inside the page's <iframe>/<img>: no scripts; only PDF and images
 * are ever served inline (static-files.ts), and `sandbox` is left out because it disables the PDF viewer. */
export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";
