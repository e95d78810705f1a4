import { Spinner } from '../../components/ui/spinner.tsx';

/** Shown while the first loader (who is signed in?) runs; quiet, so a fast answer causes no flash. */
export function AppSplash() {
  return (
    <div className="app-splash">
      <Spinner size={18} label="Loading Roster" />
    </div>
  );
}
