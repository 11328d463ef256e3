// A feature this mode does not offer: the page says where to do it instead.
import { SanwuError } from '../../shared/errors';
import { methodLabel } from '../../shared/labels';

export function desktopOnly(method: string): SanwuError {
  return new SanwuError('UNAVAILABLE', `“${methodLabel(method)}”只能在桌面程序中使用；浏览器模式下请在桌面程序中完成。`);
}
