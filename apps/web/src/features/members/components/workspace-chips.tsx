import { workspaceRoleLabel, type Member } from '@roster/contracts';

type Workspaces = Member['workspaces'];

const describe = (list: Workspaces) => list.map((w) => `${w.name} (${workspaceRoleLabel[w.role]})`).join(', ');

/**
 * One chip per workspace with the role in it, at most two; the rest fold into "+N" with the full
 * list on hover. A narrow column shows one chip: a container query swaps the two "+N" variants.
 */
export function WorkspaceChips({ workspaces }: { workspaces: Workspaces }) {
  if (workspaces.length === 0) return <span className="muted">No workspaces</span>;
  const [first, second, ...rest] = [...workspaces].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <div className="chips-frame">
      {/* Read as one sentence; the chips are the visual form of the same text. */}
      <span className="visually-hidden">{describe(workspaces)}</span>
      <ul className="chips" aria-hidden="true">
        {first && <Chip workspace={first} />}
        {second && <Chip workspace={second} className="chip--second" />}
        {rest.length > 0 && (
          <li className="chip chip--more chip--more-wide" title={describe(rest)}>
            +{rest.length}
          </li>
        )}
        {second && (
          <li className="chip chip--more chip--more-narrow" title={describe([second, ...rest])}>
            +{rest.length + 1}
          </li>
        )}
      </ul>
    </div>
  );
}

function Chip({ workspace, className = '' }: { workspace: Workspaces[number]; className?: string }) {
  return (
    <li className={`chip chip--${workspace.role.toLowerCase()} ${className}`}>
      <span className="chip__name">{workspace.name}</span>
      <span className="chip__role">{workspaceRoleLabel[workspace.role]}</span>
    </li>
  );
}
