import { WorkspaceRefusal } from './workspace-refusal';

/**
 * A page of a workspace the viewer belongs to refused them (a module not switched on, or a role that does not
 * open it). It renders inside the workspace's layout, which provides the words; a non-member is refused by the
 * layout itself and gets the site-wide page (app/forbidden.tsx), which names nothing of the workspace.
 */
export default function WorkspaceForbidden() {
  return <WorkspaceRefusal />;
}
