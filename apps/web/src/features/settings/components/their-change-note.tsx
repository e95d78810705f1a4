import type { TheirChange } from '../utils/settings-merge.ts';

/** "Grace changed this to Admins only · Use theirs", beside a setting both people changed. */
export function TheirChangeNote({
  id,
  change,
  onUseTheirs,
}: {
  id: string;
  change: TheirChange;
  onUseTheirs: () => void;
}) {
  return (
    <p id={id} className="their-change">
      <span>
        {change.by ?? 'Another admin'} changed this to <strong>{change.text}</strong>. Yours is kept until you save.
      </span>
      <button type="button" className="their-change__use" onClick={onUseTheirs}>
        Use theirs
      </button>
    </p>
  );
}
