import { useEffect, useRef, type ReactNode } from 'react';
import { StatePanel } from '../../../components/ui/state-panel.tsx';
import { Spinner } from '../../../components/ui/spinner.tsx';
import { useVerifyDomain } from '../api/use-verify-domain.ts';
import { verifyErrorCopy } from '../utils/domain-error-copy.ts';
import './domains.css';

interface VerifyDomainPageProps {
  orgId: string;
  domainId: string;
  token: string;
  /** The org's name when the viewer is in it; whoever reads the mail may not be. */
  orgName?: string | undefined;
  /** Composed by the app: where to go next (the org's settings for its admins). */
  actions?: ReactNode;
}

/** Where the mailed verification link lands: it is sent once, and its answer is said. */
export function VerifyDomainPage({ orgId, domainId, token, orgName, actions }: VerifyDomainPageProps) {
  const verify = useVerifyDomain();
  const complete = Boolean(orgId && domainId && token);
  // One post per link, even when an effect runs twice: a token may work only once.
  const sent = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (!complete || sent.current) return;
    sent.current = true;
    mutate({ orgId, domainId, token });
  }, [complete, orgId, domainId, token, mutate]);

  let panel: ReactNode;
  if (!complete) {
    panel = (
      <StatePanel icon="alert" tone="warning" as="h1" title="This link is incomplete">
        <p>Open the link from the mail again, or copy all of it into the address bar.</p>
      </StatePanel>
    );
  } else if (verify.isSuccess) {
    const { domain } = verify.data;
    panel = (
      <StatePanel
        icon="check"
        as="h1"
        title={orgName ? `${domain} is verified for ${orgName}` : `${domain} is verified`}
        actions={actions}
      >
        <p>Its admins can now let people with a verified address at {domain} join without an invitation, or ask to.</p>
      </StatePanel>
    );
  } else if (verify.isError) {
    const copy = verifyErrorCopy(verify.error);
    panel = (
      <StatePanel icon="alert" tone="danger" as="h1" title={copy.title}>
        <p>{copy.description}</p>
      </StatePanel>
    );
  } else {
    panel = (
      <div className="verify-domain__pending">
        <Spinner size={18} label="Verifying the domain" />
      </div>
    );
  }
  return <div className="verify-domain">{panel}</div>;
}
