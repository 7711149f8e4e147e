import type * as c from '@cadg/db/contacts-capacity';

export type CancellationRow = typeof c.activityCancellations.$inferSelect;
export type MaterialRow = typeof c.activityMaterials.$inferSelect;
export type AttendeeRow = typeof c.activityAttendees.$inferSelect;
export type AfterActionRow = typeof c.afterActionReports.$inferSelect;
export type FollowUpRow = typeof c.afterActionFollowUps.$inferSelect;
export type Tlp = MaterialRow['tlp'];
