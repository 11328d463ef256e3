// A package or carrier sent as a .zip (TODO: on the strict zip reader of the import).
import { fault } from './fault';
import type { PackageSource } from './source';

export async function zipSource(path: string): Promise<PackageSource> {
  throw fault(`暂不能读取压缩包 ${path}`);
}
