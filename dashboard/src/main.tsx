import '@picocss/pico/css/pico.min.css';
import './styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startI18n } from './i18n/index.ts';

if (location.pathname === `${import.meta.env.BASE_URL}sign-in/silent`) {
  // The hidden frame of a silent renewal (auth/oidc.ts): hand the answer over, render nothing.
  const { completeSilentRenew } = await import('./auth/oidc.ts');
  await completeSilentRenew();
} else {
  await startI18n();
  createRoot(document.getElementById('root')!).render(<App />);
}
