import { z } from 'zod';
import { courseManagers } from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { ZCourseInput } from '../courses/course-inputs';
import { createCourse } from '../courses/create-course';
import { duplicateCourse, ZDuplicateCourseInput } from '../courses/duplicate-course';
import { getCourse } from '../courses/get-course';
import { listCourses, ZListCoursesInput } from '../courses/list-courses';
import { publishCourse, ZPublishCourseInput } from '../courses/publish-course';
import { updateCourse, ZUpdateCourseInput } from '../courses/update-course';
import { router, tenantProcedure } from '../trpc';

const manage = tenantProcedure({ module: 'courses', roles: courseManagers });

export const coursesRouter = router({
  list: manage
    .input(ZListCoursesInput)
    .query(({ ctx, input }) => listCourses(ctx.tx, { ...input, today: todayInLondon() })),
  byId: manage.input(z.object({ id: z.uuid() })).query(({ ctx, input }) => getCourse(ctx.tx, input.id)),
  create: manage
    .input(ZCourseInput)
    .mutation(({ ctx, input }) => createCourse(ctx.tx, { ...input, tenantId: ctx.actor.tenantId })),
  update: manage
    .input(ZUpdateCourseInput)
    .mutation(({ ctx, input }) =>
      updateCourse(ctx.tx, { ...input, tenantId: ctx.actor.tenantId, appUrl: ctx.actor.appUrl }),
    ),
  publish: manage.input(ZPublishCourseInput).mutation(({ ctx, input }) => publishCourse(ctx.tx, input)),
  duplicate: manage
    .input(ZDuplicateCourseInput)
    .mutation(({ ctx, input }) => duplicateCourse(ctx.tx, { ...input, tenantId: ctx.actor.tenantId })),
});
