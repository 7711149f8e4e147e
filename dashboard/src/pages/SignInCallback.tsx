import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { completeSignIn } from '../auth/oidc.ts';
import { SignInOrganizationsDocument } from '../gql/graphql.ts';
import { useSession } from '../session.tsx';

/** Where the OpenID Connect provider sends people back: finishes the sign-in, then the situation page. */
export default function SignInCallback() {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const [, navigate] = useLocation();
  const client = useApolloClient();
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    completeSignIn()
      .then(async (session) => {
        // The token names the organization by id; the directory (public) gives its name.
        const { data } = await client.query({ query: SignInOrganizationsDocument });
        const organization = data?.organizations.edges.find(({ node }) => node.id === session.organizationId);
        return { ...session, organizationName: organization?.node.name ?? session.organizationId };
      })
      .then((session) => {
        if (!current) return;
        signIn(session);
        navigate('/', { replace: true });
      })
      .catch(
        (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      current = false;
    };
  }, [client, signIn, navigate]);
  return (
    <>
      <h1>{t('signIn.heading')}</h1>
      {failure ? (
        <p role="alert">{t('signIn.failed', { message: failure })}</p>
      ) : (
        <p aria-busy="true">{t('situation.loading')}</p>
      )}
    </>
  );
}
