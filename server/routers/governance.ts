import { z } from 'zod';
import { revalidateCatalogueOnCommit } from '../courses/catalogue-cache';
import { governanceOfficers, governanceUsers } from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { addGovernor } from '../governance/add-governor';
import { ZBulletinIdInput, ZBulletinInput, ZUpdateBulletinInput } from '../governance/bulletin-inputs';
import { composeBulletin, updateBulletin } from '../governance/compose-bulletin';
import { getBulletin, listBulletins } from '../governance/list-bulletins';
import { sendBulletin } from '../governance/send-bulletin';
import { bookGovernorTraining } from '../governance/book-governor-training';
import { boardTraining } from '../governance/board-training';
import { getBoard } from '../governance/get-board';
import { governanceOverview } from '../governance/governance-overview';
import {
  governanceReportCsv,
  governanceReports,
  ZGovernanceReportFilters,
  ZGovernanceReportInput,
} from '../governance/governance-reports';
import {
  ZAddGovernorInput,
  ZBookGovernorTrainingInput,
  ZConstitutionInput,
  ZExternalTrainingInput,
  ZStepDownInput,
  ZUpdateGovernorInput,
} from '../governance/governor-inputs';
import { ZAddCommitteeInput, ZCommitteeIdInput, ZUpdateCommitteeInput } from '../governance/committee-inputs';
import { addMeeting, deleteMeeting, updateMeeting } from '../governance/keep-board-meetings';
import {
  addCommittee,
  deleteCommittee,
  listCommittees,
  updateCommittee,
} from '../governance/keep-committees';
import { getBoardMeeting, listBoardMeetings } from '../governance/list-board-meetings';
import {
  ZAddMeetingInput,
  ZMeetingIdInput,
  ZRecordAttendanceInput,
  ZUpdateMeetingInput,
} from '../governance/meeting-inputs';
import { recordMeetingAttendance } from '../governance/record-meeting-attendance';
import { listGovernorTrainingCourses } from '../governance/governor-training-courses';
import { chairsCsv, listChairs } from '../governance/list-chairs';
import { myGovernance } from '../governance/my-governance';
import { publishedGovernors } from '../governance/published-governors';
import { inviteFromRegister, ZInviteFromRegisterInput } from '../governance/register-access';
import {
  withdrawRegisterInvitation,
  ZWithdrawRegisterInvitationInput,
} from '../governance/withdraw-register-invitation';
import { setConstitution } from '../governance/set-constitution';
import { addExternalTraining, getTrainingRecord } from '../governance/training-record';
import { stepDownGovernor, updateGovernor } from '../governance/update-governor';
import { router, tenantProcedure } from '../trpc';

/** The LA's view of every board. */
const la = tenantProcedure({ module: 'governance', roles: governanceOfficers });
/** Per board or per person; the domain decides whose (officers any, a school's head/chair/clerk their board). */
const board = tenantProcedure({ module: 'governance', roles: governanceUsers });
const ZSchool = z.object({ schoolId: z.uuid() });

export const governanceRouter = router({
  overview: la.query(({ ctx }) => governanceOverview(ctx.tx, { today: todayInLondon() })),
  /** Vacancies, terms ending, governors without training this year, statutory training uptake; filtered. */
  reports: la
    .input(ZGovernanceReportFilters.default({}))
    .query(({ ctx, input }) => governanceReports(ctx.tx, { ...input, today: todayInLondon() })),
  reportCsv: la
    .input(ZGovernanceReportInput)
    .query(({ ctx, input }) => governanceReportCsv(ctx.tx, { ...input, today: todayInLondon() })),
  chairs: la.query(({ ctx }) => listChairs(ctx.tx, { today: todayInLondon() })),
  chairsCsv: la.query(({ ctx }) => chairsCsv(ctx.tx, { today: todayInLondon() })),
  bulletins: la.query(({ ctx }) => listBulletins(ctx.tx)),
  bulletin: la
    .input(ZBulletinIdInput)
    .query(({ ctx, input }) => getBulletin(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  composeBulletin: la
    .input(ZBulletinInput)
    .mutation(({ ctx, input }) => composeBulletin(ctx.tx, ctx.actor, input)),
  updateBulletin: la
    .input(ZUpdateBulletinInput)
    .mutation(({ ctx, input }) => updateBulletin(ctx.tx, ctx.actor, input)),
  sendBulletin: la
    .input(ZBulletinIdInput)
    .mutation(({ ctx, input }) => sendBulletin(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  board: board
    .input(ZSchool)
    .query(({ ctx, input }) => getBoard(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  published: board
    .input(ZSchool)
    .query(({ ctx, input }) => publishedGovernors(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  addGovernor: board
    .input(ZAddGovernorInput)
    .mutation(({ ctx, input }) => addGovernor(ctx.tx, ctx.actor, input)),
  updateGovernor: board
    .input(ZUpdateGovernorInput)
    .mutation(({ ctx, input }) => updateGovernor(ctx.tx, ctx.actor, input)),
  stepDown: board
    .input(ZStepDownInput)
    .mutation(({ ctx, input }) => stepDownGovernor(ctx.tx, ctx.actor, input)),
  /** Invites a board member with an email and no access to Stride, as a governor of the school. */
  inviteFromRegister: board
    .input(ZInviteFromRegisterInput)
    .mutation(({ ctx, input }) =>
      inviteFromRegister(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  /** Withdraws the governor invitation waiting for a board member: its link stops working. */
  withdrawRegisterInvitation: board
    .input(ZWithdrawRegisterInvitationInput)
    .mutation(({ ctx, input }) => withdrawRegisterInvitation(ctx.tx, ctx.actor, input)),
  /** The board's meetings with their attendance; the register's keepers add, correct and delete them. */
  meetings: board
    .input(ZSchool)
    .query(({ ctx, input }) => listBoardMeetings(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  meeting: board
    .input(ZMeetingIdInput)
    .query(({ ctx, input }) => getBoardMeeting(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  addMeeting: board
    .input(ZAddMeetingInput)
    .mutation(({ ctx, input }) => addMeeting(ctx.tx, ctx.actor, input)),
  updateMeeting: board
    .input(ZUpdateMeetingInput)
    .mutation(({ ctx, input }) => updateMeeting(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  deleteMeeting: board
    .input(ZMeetingIdInput)
    .mutation(({ ctx, input }) => deleteMeeting(ctx.tx, ctx.actor, input)),
  /** One meeting's attendance form: present, apologies accepted, absent or not recorded, per member. */
  recordAttendance: board
    .input(ZRecordAttendanceInput)
    .mutation(({ ctx, input }) =>
      recordMeetingAttendance(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  /** The board's committees and their members; the register's keepers add, rename, change and delete them. */
  committees: board
    .input(ZSchool)
    .query(({ ctx, input }) => listCommittees(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  addCommittee: board
    .input(ZAddCommitteeInput)
    .mutation(({ ctx, input }) => addCommittee(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  updateCommittee: board
    .input(ZUpdateCommitteeInput)
    .mutation(({ ctx, input }) => updateCommittee(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  deleteCommittee: board
    .input(ZCommitteeIdInput)
    .mutation(({ ctx, input }) => deleteCommittee(ctx.tx, ctx.actor, input)),
  setConstitution: board
    .input(ZConstitutionInput)
    .mutation(({ ctx, input }) => setConstitution(ctx.tx, ctx.actor, input)),
  mine: board.query(({ ctx }) => myGovernance(ctx.tx, ctx.actor)),
  training: board
    .input(z.object({ governorId: z.uuid() }))
    .query(({ ctx, input }) => getTrainingRecord(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  boardTraining: board
    .input(ZSchool)
    .query(({ ctx, input }) => boardTraining(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  addTraining: board
    .input(ZExternalTrainingInput)
    .mutation(({ ctx, input }) => addExternalTraining(ctx.tx, ctx.actor, input)),
  trainingCourses: board
    .input(z.object({ schoolId: z.uuid(), governorId: z.uuid().optional() }))
    .query(({ ctx, input }) =>
      listGovernorTrainingCourses(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  bookTraining: board.input(ZBookGovernorTrainingInput).mutation(({ ctx, input }) => {
    revalidateCatalogueOnCommit(ctx.tx, ctx.actor);
    return bookGovernorTraining(ctx.tx, ctx.actor, { ...input, today: todayInLondon() });
  }),
});
