import { z } from 'zod';

export const ZDelegate = z.object({
  name: z.string().trim().min(2, 'Enter the delegate’s name.').max(120),
  email: z.email({ message: 'Enter the delegate’s email address.' }).max(200),
  role: z.string().trim().max(80).default(''),
  /** Access or dietary needs the organisers should know of (optional). */
  needs: z.string().trim().max(300, 'Keep access or dietary needs to 300 characters.').optional(),
});
export type TDelegate = z.output<typeof ZDelegate> & { userId?: string | null };

/**
 * The school's purchase order number for places charged to it, printed on their invoice: given when booking,
 * or by the head approving a held booking. Blank is none.
 */
export const ZPurchaseOrderNumber = z
  .string()
  .trim()
  .max(40, 'Keep the purchase order number to 40 characters.')
  .optional()
  .transform((po) => po || undefined);

export const ZBookPlacesInput = z.object({
  courseId: z.uuid(),
  schoolId: z.uuid({ message: 'Choose a school.' }),
  /** Named delegates (a headteacher booking for staff); left out when school staff book themselves. */
  delegates: z
    .array(ZDelegate)
    .max(30)
    .default([])
    .refine((list) => new Set(list.map((d) => d.email.toLowerCase())).size === list.length, {
      message: 'Each delegate needs their own email address.',
    }),
  /**
   * Delegates who get no place go on the waiting list (the booker saw the course was full and chose it);
   * without it they are offered the waiting list in the answer (see BookPlacesResult.offeredWaitingList).
   */
  joinWaitingList: z.boolean().default(false),
  /** A member of staff booking themselves: their own access or dietary needs (optional). */
  needs: z.string().trim().max(300, 'Keep access or dietary needs to 300 characters.').optional(),
  purchaseOrderNumber: ZPurchaseOrderNumber,
});

export const ZPreviewBookingInput = z.object({
  courseId: z.uuid(),
  schoolId: z.uuid(),
  places: z.number().int().min(1).max(30).default(1),
  /**
   * The named delegates' emails as typed so far, in the form's order (blank or half-typed ones allowed): the
   * preview says which places are free as statutory governor training, as the booking will.
   */
  delegateEmails: z.array(z.string().trim().max(254)).max(30).optional(),
});
