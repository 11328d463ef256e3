// app://sanwu/ serves the built renderer (with the CSP header) and, through the core process, stored
// attachments and offered downloads. Registered as a privileged standard scheme before `ready`.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { toErrorPayload } from '../../shared/errors';
import { APP_SCHEME, routeAppUrl } from './app-url';
import { CSP, FILE_CSP } from './csp';
import { fileHeaders, mimeTypeOf } from './static-files';
import type { CoreChannel } from '../core-host/channel';

export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

const text = (status: number, body: string): Response =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

export function serveAppProtocol(session: Session, rendererDir: string, core: CoreChannel): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const route = routeAppUrl(rendererDir, request.url);
    if (!route) return text(403, '拒绝访问。');
    try {
      if (route.kind === 'static') {
        const body = await readFile(route.path);
        return new Response(body, {
          headers: { 'Content-Type': mimeTypeOf(route.path), 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' },
        });
      }
      const file = await core.file(route.kind, route.id, route.kind === 'attachments' ? route.ticket : undefined);
      const body = await readFile(file.path);
      return new Response(body, {
        headers: { ...fileHeaders(file.mediaType, file.name, route.kind === 'downloads'), 'Content-Security-Policy': FILE_CSP },
      });
    } catch (e) {
      return text(404, toErrorPayload(e).message);
    }
  });
}
