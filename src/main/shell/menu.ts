// The application menu, in Chinese. Developer tools only in an unpackaged build.
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(archiveDir: () => string | null): Menu {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        {
          label: '打开档案文件夹',
          click: () => {
            const dir = archiveDir();
            if (dir) void shell.openPath(dir);
          },
        },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools', label: '开发者工具' } as const]),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '帮助', submenu: [{ role: 'about', label: '关于三务档案' }] },
  ];
  return Menu.buildFromTemplate(template);
}
