/** How the planner names a visit's kind and status (the page and its schedule table alike). */
export const visitKindLabels = {
  school_effectiveness: 'School effectiveness',
  keeping_in_touch: 'Keeping in touch',
  concern_monitoring: 'Concern monitoring',
  additional: 'Additional',
} as const;

export const visitStatusLabels = { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' } as const;
