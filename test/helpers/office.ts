// LibreOffice as the tests run it: the Chinese office fonts mapped to Noto CJK by the project's own
// fontconfig file (never one outside the clone), HOME in the test's folder.
import { join } from 'node:path';

export const FONTS_CONF = join(__dirname, 'fontconfig-cjk.conf');

export const officeEnv = (home: string): NodeJS.ProcessEnv => ({ ...process.env, FONTCONFIG_FILE: FONTS_CONF, HOME: home });
