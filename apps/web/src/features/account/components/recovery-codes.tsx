import { toast } from '../../../components/ui/toast-store.ts';

/** The recovery codes, with copy and download: each works once when the authenticator is lost. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const text = `Roster recovery codes\n\n${codes.join('\n')}\n\nEach code works once.\n`;
  const copy = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => toast({ tone: 'success', title: 'Recovery codes copied' }))
      .catch(() =>
        toast({ tone: 'error', title: 'Couldn’t copy', description: 'Select the codes and copy them by hand.' }),
      );
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'roster-recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="recovery-codes">
      <ol className="recovery-codes__list" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="recovery-codes__actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          Download
        </button>
      </div>
    </div>
  );
}
