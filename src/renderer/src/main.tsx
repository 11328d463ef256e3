// Renderer entry: antd in Chinese (zh-CN locale, dayjs zh-cn), then the app. antd runs zero-runtime
// (its prebuilt CSS instead of CSS-in-JS): styling 200 table cells at run time cost most of a first load.
import { App as AntApp, ConfigProvider } from 'antd';
import 'antd/dist/antd.css';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './global.css';

dayjs.locale('zh-cn');

/** Secondary, hint and placeholder text dark enough to read (WCAG AA, 4.5:1 on white; antd's defaults are lighter). */
const READABLE_TEXT = { colorTextSecondary: '#595959', colorTextTertiary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#737373', colorTextQuaternary: '#737373', colorError: '#cf1322', colorLink: '#0958d9', colorLinkHover: '#003eb3', colorLinkActive: '#002c8c' };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} button={{ autoInsertSpace: false }} theme={{ zeroRuntime: true, token: { colorPrimary: '#b71c1c', borderRadius: 4, ...READABLE_TEXT } }}>
      <AntApp>
        <App />
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
