// 设置 → 连接服务器 in the desktop's core process: it starts on the folder in the user's data folder,
// tests a server (changing nothing), switches onto it (a new archive is created there) and back, keeps
// the choice for this computer only, and a server it cannot open leaves the archive in use as it was.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeArchive } from '../../src/main/core/archive';
import { connectionFile, desktopLocation } from '../../src/main/core/connection';
import { CoreChannel } from '../../src/main/core-host/channel';
import { hostCore, type HostedCore } from '../../src/main/core-host/host';
import type { FromCore, ToCore } from '../../src/main/core-host/protocol';
import { tempDir } from '../helpers/archive';
import { tempPgDatabase, type TempDatabase } from '../helpers/postgres';

const tmp = tempDir();
const env = { XDG_CONFIG_HOME: join(tmp.dir, 'config') } as NodeJS.ProcessEnv;
const { port1, port2 } = new MessageChannel();
const core = new CoreChannel((m) => port1.postMessage(m));
port1.on('message', (m: FromCore) => core.receive(m));
let hosted: HostedCore | null = null;
let pg: TempDatabase;
let n = 0;
const call = async (method: string, input: unknown) => core.call(method as never, input as never, `t${n++}`);

beforeAll(async () => {
  pg = await tempPgDatabase();
  hosted = await hostCore(
    { postMessage: (m) => port2.postMessage(m), onMessage: (listener) => port2.on('message', (m: ToCore) => listener(m)) },
    { dir: desktopLocation(env), env, version: '1.0.0', actor: 'tester', log: { info: () => {}, warn: () => {} } },
  );
});

afterAll(async () => {
  port1.close();
  if (hosted) await closeArchive(await hosted.archive());
  await pg?.drop();
  tmp.cleanup();
});

describe('连接服务器 on the desktop', () => {
  it('starts on the folder in the user’s data folder', async () => {
    expect(await call('connection.get', {})).toMatchObject({ ok: true, value: { engine: 'sqlite', saved: null, switchable: true, location: expect.stringContaining('SanwuArchive') } });
  });

  it('tests a server without changing anything', async () => {
    expect(await call('connection.test', { server: pg.url })).toEqual({ ok: true, value: { state: 'empty', office: null } });
    expect(await call('connection.test', { server: 'not a url' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const down = new URL(pg.url);
    down.searchParams.set('port', '1');
    expect(await call('connection.test', { server: down.toString() })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringMatching(/连接不上数据库服务器/) } });
  });

  it('switches onto the server, creating the archive there, and remembers it for this computer only', async () => {
    await call('office.save', { name: '本机街道' });
    const switched = await call('connection.set', { server: pg.url });
    expect(switched).toMatchObject({ ok: true, value: { engine: 'postgres', switchable: true } });
    expect(JSON.stringify(switched)).not.toContain(new URL(pg.url).password || '\u0000');
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { engine: 'postgres', office: null } });
    expect(await call('office.save', { name: '服务器上的街道' })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(connectionFile(env), 'utf8'))).toEqual({ server: pg.url });
    expect(statSync(connectionFile(env)).mode & 0o077).toBe(0);
    expect(desktopLocation(env)).toBe(pg.url);
    // SANWU_DB still wins
    expect(desktopLocation({ ...env, SANWU_DB: '/elsewhere' })).toBe('/elsewhere');
  });

  it('keeps the archive in use when the chosen server cannot be opened', async () => {
    const down = new URL(pg.url);
    down.searchParams.set('port', '1');
    expect(await call('connection.set', { server: down.toString() })).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { engine: 'postgres', office: { name: '服务器上的街道' } } });
    expect(desktopLocation(env)).toBe(pg.url);
  });

  it('switches back to the folder, which kept its own archive', async () => {
    expect(await call('connection.set', { server: null })).toMatchObject({ ok: true, value: { engine: 'sqlite', saved: null } });
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { engine: 'sqlite', office: { name: '本机街道' } } });
    expect(await call('connection.test', { server: pg.url })).toEqual({ ok: true, value: { state: 'archive', office: '服务器上的街道' } });
  });
});
