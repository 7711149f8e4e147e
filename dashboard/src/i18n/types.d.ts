import 'i18next';
import type { enPages } from './en-pages.ts';
import type { Messages } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages & typeof enPages };
  }
}
