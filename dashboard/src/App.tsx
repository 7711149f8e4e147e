import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { setLanguage } from './i18n/index.ts';
import { GraphProvider } from './graph/GraphProvider.tsx';
import { Directory } from './pages/Directory.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Situation } from './pages/Situation.tsx';
import { SessionProvider, useSession } from './session.tsx';

/** The router's base: everything lives under the gateway's /dashboard/. */
const BASE = import.meta.env.BASE_URL.replace(/\/$/, '');

export function App() {
  return (
    <SessionProvider>
      <GraphProvider>
        <Router base={BASE}>
          <Shell />
        </Router>
      </GraphProvider>
    </SessionProvider>
  );
}

function Shell() {
  const { t, i18n } = useTranslation();
  const { session, signOut } = useSession();
  const chinese = i18n.language === 'zh-CN';
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="container">
        <nav aria-label={t('app.mainNavigation')}>
          <ul>
            <li>
              <strong>{t('app.title')}</strong>
            </li>
          </ul>
          <ul>
            <li>
              <Link href="/">{t('app.situation')}</Link>
            </li>
            <li>
              <Link href="/directory">{t('app.directory')}</Link>
            </li>
            <li>
              {session ? (
                <button type="button" className="secondary outline" onClick={signOut}>
                  {t('app.signOut')}
                </button>
              ) : (
                <Link href="/sign-in">{t('app.signIn')}</Link>
              )}
            </li>
            <li>
              <button
                type="button"
                className="contrast outline"
                lang={chinese ? 'en' : 'zh-CN'}
                onClick={() => void setLanguage(chinese ? 'en' : 'zh-CN')}
              >
                {t('app.switchLanguage')}
              </button>
            </li>
          </ul>
        </nav>
        <p className="session">
          <small>
            {session
              ? t('app.signedInAs', {
                  organization: session.organizationName ?? t('signIn.noOrganization'),
                  role: t(`roles.${session.role as 'MEMBER'}`),
                })
              : t('app.anonymous')}
          </small>
        </p>
      </header>
      <main id="main" className="container">
        <Switch>
          <Route path="/sign-in" component={SignIn} />
          <Route path="/directory" component={Directory} />
          <Route component={Situation} />
        </Switch>
      </main>
    </>
  );
}
