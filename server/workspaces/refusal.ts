import type { ModuleKey, Role, TenantKind } from '~/db/schema';
import { moduleTitles } from './module-titles';
import { sections } from './navigation';
import { managerTitles, roleLabelIn } from './role-labels';

/** What a 403 page inside a workspace says: a heading, what to do next, and a link to do it. */
export type Refusal = { heading: string; paragraphs: string[]; link: { href: string; text: string } };

/**
 * The workspace's 403 page, worked out before anything is refused (the page itself gets no props): the module
 * of each address that belongs to a module the workspace has not switched on, what to say when one of those is
 * opened, and what to say for any other refusal (a role that does not open the page). Each is worded for the
 * viewer: modules are switched on by the platform administrator, so they are sent to the workspace's platform
 * page; the workspace's manager is told to ask them; everyone else is told to ask the manager, by the title
 * their kind of workspace gives them. Plain data: it travels to the browser with every workspace page.
 */
export function refusalsFor(
  workspace: { id: string; slug: string; name: string; kind: TenantKind; modules: readonly ModuleKey[] },
  viewer: { roles: readonly Role[]; isSuperadmin: boolean },
) {
  const manager = viewer.roles.includes('tenant_admin');
  const manages = `${workspace.name}’s ${managerTitles[workspace.kind]}`;
  const dashboard = { href: `/${workspace.slug}`, text: `Go to the ${workspace.name} dashboard` };

  const moduleOff = (module: ModuleKey): Refusal => {
    const heading = `${moduleTitles[module]} is not switched on for ${workspace.name}`;
    if (viewer.isSuperadmin)
      return {
        heading,
        paragraphs: [
          'As the platform administrator, you switch modules on on the workspace’s platform page.',
        ],
        link: { href: `/platform/${workspace.id}`, text: `Switch on modules for ${workspace.name}` },
      };
    if (manager)
      return {
        heading,
        paragraphs: [
          'Modules are switched on by the Stride platform administrator (who set this workspace up for you), not from inside the workspace.',
          `To use ${moduleTitles[module]}, ask them to switch it on for ${workspace.name}.`,
        ],
        link: dashboard,
      };
    return {
      heading,
      paragraphs: [
        `If you need it, ask ${manages}: only they can have it switched on.`,
        'Your dashboard lists what you can do here.',
      ],
      link: dashboard,
    };
  };

  const bySegment: Record<string, ModuleKey> = {};
  const byModule: Partial<Record<ModuleKey, Refusal>> = {};
  for (const section of sections) {
    if (!section.module || workspace.modules.includes(section.module)) continue;
    bySegment[section.slug] = section.module;
    byModule[section.module] ??= moduleOff(section.module);
  }

  const roles = viewer.roles.map((r) => roleLabelIn(workspace.kind, r)).join('; ');
  const otherwise: Refusal = {
    heading: 'You do not have access to this page',
    paragraphs: manager
      ? [
          `This page is not for a manager of ${workspace.name}: it is for another role (a school’s own pages, say), or for another kind of workspace.`,
          'Your dashboard lists everything you can do here.',
        ]
      : [
          `Your role in ${workspace.name} (${roles}) does not open this page.`,
          `If you need it, ask ${manages}, who gives people their roles.`,
        ],
    link: dashboard,
  };
  return { bySegment, byModule, otherwise };
}

export type WorkspaceRefusals = ReturnType<typeof refusalsFor>;
