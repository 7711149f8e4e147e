import { useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { OidcConfig } from '../auth/oidc.ts';
import { SignInOrganizationsDocument } from '../gql/graphql.ts';
import { useSession } from '../session.tsx';

const ROLES = ['MEMBER', 'ORG_ADMIN', 'SECRETARIAT'] as const;
type SignInMode = 'dev' | 'oidc' | 'none' | 'unknown';

/** Where the gateway says how people sign in here (see gateway/src/dashboard-assets.ts). */
const CONFIG_URL = `${import.meta.env.BASE_URL}config.json`;
const DEV_TOKEN_URL = `${import.meta.env.BASE_URL}dev-token`;

/**
 * The embedded default's sign-in: an organization and a role, for which the gateway mints a
 * development token. A production gateway offers no such endpoint.
 */
export function SignIn() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const [mode, setMode] = useState<SignInMode>('unknown');
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<(typeof ROLES)[number]>('MEMBER');
  const [failure, setFailure] = useState<string | null>(null);
  const [oidc, setOidc] = useState<OidcConfig | null>(null);
  const { data } = useQuery(SignInOrganizationsDocument, { skip: mode !== 'dev' });
  const organizations = data?.organizations.edges.map(({ node }) => node) ?? [];

  useEffect(() => {
    void fetch(CONFIG_URL)
      .then((response) => response.json() as Promise<{ signIn?: string; oidc?: OidcConfig }>)
      .then((config) => {
        if (config.signIn === 'oidc' && config.oidc) setOidc(config.oidc);
        setMode(config.signIn === 'dev' ? 'dev' : config.signIn === 'oidc' && config.oidc ? 'oidc' : 'none');
      })
      .catch(() => setMode('none'));
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const response = await fetch(DEV_TOKEN_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organizationId: organizationId || null, role }),
    });
    const body = (await response.json()) as { token?: string; errors?: { message: string }[] };
    if (!body.token) return setFailure(body.errors?.[0]?.message ?? String(response.status));
    const organization = organizations.find((o) => o.id === organizationId);
    signIn({
      token: body.token,
      organizationId: organizationId || null,
      organizationName: organization?.name ?? null,
      role,
    });
    navigate('/');
  }

  return (
    <>
      <h1>{t('signIn.heading')}</h1>
      {mode === 'none' ? <p>{t('signIn.notAvailable')}</p> : null}
      {mode === 'oidc' && oidc ? (
        <>
          <p>{t('signIn.oidcIntro', { issuer: new URL(oidc.issuer).host })}</p>
          {failure ? <p role="alert">{t('signIn.failed', { message: failure })}</p> : null}
          <button
            type="button"
            onClick={() =>
              void import('../auth/oidc.ts')
                .then(({ beginSignIn }) => beginSignIn(oidc))
                .catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)))
            }
          >
            {t('signIn.withProvider')}
          </button>
        </>
      ) : null}
      {mode === 'dev' ? (
        <form onSubmit={(event) => void submit(event)} className="sign-in">
          <p>{t('signIn.intro')}</p>
          <label htmlFor="sign-in-organization">{t('signIn.organization')}</label>
          <select
            id="sign-in-organization"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
          >
            <option value="">{t('signIn.noOrganization')}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
                {o.acronym ? ` (${o.acronym})` : ''} · {o.country.name}
              </option>
            ))}
          </select>
          <label htmlFor="sign-in-role">{t('signIn.role')}</label>
          <select
            id="sign-in-role"
            value={role}
            onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          {failure ? <p role="alert">{t('signIn.failed', { message: failure })}</p> : null}
          <button type="submit">{t('signIn.submit')}</button>
        </form>
      ) : null}
    </>
  );
}
