// The pure guards of the desktop shell and browser mode: app:// routing and traversal, IPC senders,
// external links, static paths.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternal, isTrustedSender, routeAppUrl } from '../../src/main/shell/app-url';
import { fileHeaders, mimeTypeOf, resolveStatic } from '../../src/main/shell/static-files';

const root = resolve('/opt/sanwu/out/renderer');

describe('app:// routing', () => {
  it('serves the renderer, attachments and downloads', () => {
    expect(routeAppUrl(root, 'app://sanwu/index.html')).toEqual({ kind: 'static', path: join(root, 'index.html') });
    expect(routeAppUrl(root, 'app://sanwu/')).toEqual({ kind: 'static', path: join(root, 'index.html') });
    expect(routeAppUrl(root, 'app://sanwu/assets/index-1.js?x=1')).toEqual({ kind: 'static', path: join(root, 'assets', 'index-1.js') });
    expect(routeAppUrl(root, 'app://sanwu/attachments/42')).toEqual({ kind: 'attachments', id: '42' });
    expect(routeAppUrl(root, 'app://sanwu/downloads/ab12')).toEqual({ kind: 'downloads', id: 'ab12' });
  });

  it('refuses traversal, other hosts and other schemes', () => {
    for (const url of [
      'app://sanwu/../../etc/passwd',
      'app://sanwu/%2e%2e/%2e%2e/etc/passwd',
      'app://sanwu/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://sanwu/..%5c..%5cwindows%5cwin.ini',
      'app://sanwu/C:%5cWindows%5cwin.ini',
      'app://sanwu/a%00.html',
      'app://sanwu/%E0%A4%A',
      'app://evil/index.html',
      'file:///etc/passwd',
      'not a url',
    ]) {
      const route = routeAppUrl(root, url);
      if (route?.kind === 'static') expect(route.path.startsWith(root + '/') || route.path.startsWith(root + '\\'), url).toBe(true);
      else expect(route, url).toBeNull();
    }
    // the URL parser already folds %2e%2e away: what remains is a name inside the root
    expect(routeAppUrl(root, 'app://sanwu/%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'static', path: join(root, 'etc', 'passwd') });
    expect(routeAppUrl(root, 'app://sanwu/attachments/1%2f..')).toBeNull();
  });

  it('resolves static paths only inside the root', () => {
    expect(resolveStatic(root, '/..')).toBeNull();
    expect(resolveStatic(root, '/assets/../../x')).toBeNull();
    expect(resolveStatic(root, '/assets/./a.css')).toBe(join(root, 'assets', 'a.css'));
    expect(mimeTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a.exe')).toBe('application/octet-stream');
  });

  it('previews only PDF and images, everything else is a download', () => {
    expect(fileHeaders('application/pdf', '会议记录.pdf')['Content-Disposition']).toMatch(/^inline; /);
    expect(fileHeaders('text/plain', 'x.html')).toMatchObject({ 'Content-Type': 'application/octet-stream', 'Content-Disposition': expect.stringMatching(/^attachment; /) });
    expect(fileHeaders('application/pdf', 'a.pdf', true)['Content-Disposition']).toMatch(/^attachment; /);
  });
});

describe('IPC senders and external links', () => {
  it('answers IPC only from app://sanwu frames', () => {
    expect(isTrustedSender('app://sanwu/index.html#/records')).toBe(true);
    for (const url of [undefined, '', 'https://example.com/', 'file:///C:/x.html', 'app://other/index.html', 'http://127.0.0.1:5173/']) {
      expect(isTrustedSender(url), String(url)).toBe(false);
    }
  });

  it('opens only allow-listed https sites externally', () => {
    expect(isAllowedExternal('https://www.gov.cn/zhengce/')).toBe(true);
    for (const url of ['http://www.gov.cn/', 'https://www.gov.cn.evil.com/', 'https://evil.com/?www.gov.cn', 'https://user@www.gov.cn/', 'https://www.gov.cn:8443/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(isAllowedExternal(url), url).toBe(false);
    }
  });
});
