import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Router, Switch } from 'wouter';
import { setLanguage } from './i18n/index.ts';
import { GraphProvider } from './graph/GraphProvider.tsx';
import { Directory } from './pages/Directory.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { Situation } from './pages/Situation.tsx';
import { SessionProvider, useSession } from './session.tsx';

// Pages past the landing page load on first visit, so the initial JavaScript stays small.
const IncidentPage = lazy(() => import('./pages/incident/IncidentPage.tsx'));
const ReportIncident = lazy(() => import('./pages/ReportIncident.tsx'));
const AiPolicy = lazy(() => import('./pages/policy/AiPolicy.tsx'));
const DataFlows = lazy(() => import('./pages/dataflows/DataFlows.tsx'));
const SignInCallback = lazy(() => import('./pages/SignInCallback.tsx'));

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
              <Link href="/incidents/new">{t('nav.report')}</Link>
            </li>
            <li>
              <Link href="/directory">{t('app.directory')}</Link>
            </li>
            <li>
              <Link href="/ai-policy">{t('nav.aiPolicy')}</Link>
            </li>
            <li>
              <Link href="/data-flows">{t('nav.dataFlows')}</Link>
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
        <Suspense fallback={<p aria-busy="true">{t('situation.loading')}</p>}>
          <Switch>
            <Route path="/sign-in" component={SignIn} />
            <Route path="/sign-in/callback" component={SignInCallback} />
            <Route path="/directory" component={Directory} />
            <Route path="/incidents/new" component={ReportIncident} />
            <Route path="/incidents/:id" component={IncidentPage} />
            <Route path="/ai-policy" component={AiPolicy} />
            <Route path="/data-flows" component={DataFlows} />
            <Route component={Situation} />
          </Switch>
        </Suspense>
      </main>
    </>
  );
}
