// A feature this mode does not offer: the page says where to do it instead.
import { SanwuError } from '../../shared/errors';

export function desktopOnly(method: string): SanwuError {
  return new SanwuError('UNAVAILABLE', `此功能只能在桌面程序中使用（${method}）；浏览器模式下请用命令行完成。`);
}
