/** Schemas of the application, message, notification and agreement-read routes. Messages are keys from worker/i18n.ts. */
import * as v from 'valibot';
import { DECLINE_REASON_MAX, DECLINE_REASON_MIN, MESSAGE_MAX, PITCH_MAX, PITCH_MIN, PROPOSED_DATES_MAX, isCalendarDay } from '../domain/application-rules';
import { APPLICATION_STATUSES, FORMATS } from '../domain/taxonomy';
import { multiLineCheck } from '../domain/text';

const Format = v.picklist(FORMATS, 'format_invalid');

const Day = v.pipe(v.string('date_invalid'), v.check(isCalendarDay, 'date_invalid'));

export const ApplyBody = v.strictObject({
	pitch: v.pipe(
		v.string('required'),
		v.trim(),
		multiLineCheck(),
		v.minLength(PITCH_MIN, 'pitch_length'),
		v.maxLength(PITCH_MAX, 'pitch_length'),
		v.description('Why this creator fits the campaign: 10 to 2000 characters.')
	),
	feeDzd: v.pipe(
		v.number('fee_invalid'),
		v.safeInteger('fee_invalid'),
		v.minValue(1, 'fee_invalid'),
		v.description('Asked fee in whole dinars (not centimes); a value that looks 100× too high comes back with a warning.')
	),
	formats: v.pipe(
		v.array(Format, 'formats_required'),
		v.minLength(1, 'formats_required'),
		v.maxLength(FORMATS.length, 'formats_required'),
		v.description('Formats offered, a subset of the campaign’s formats.')
	),
	proposedDates: v.optional(
		v.pipe(
			v.array(Day, 'date_invalid'),
			v.maxLength(PROPOSED_DATES_MAX, 'dates_too_many'),
			v.description('0 to 10 proposed publication days (YYYY-MM-DD, Algiers), inside the campaign period when it has one.')
		),
		[]
	)
});

export const DeclineBody = v.strictObject({
	reason: v.pipe(
		v.string('reason_length'),
		v.trim(),
		multiLineCheck(),
		v.minLength(DECLINE_REASON_MIN, 'reason_length'),
		v.maxLength(DECLINE_REASON_MAX, 'reason_length'),
		v.description('Why the brand declines; shown to the creator.')
	)
});

export const MessageBody = v.strictObject({
	body: v.pipe(v.string('message_length'), v.trim(), multiLineCheck(), v.minLength(1, 'message_length'), v.maxLength(MESSAGE_MAX, 'message_length'), v.description('1 to 2000 characters.'))
});

export const ReadBody = v.strictObject({
	ids: v.optional(
		v.pipe(
			v.array(v.pipe(v.string('ids_invalid'), v.maxLength(64, 'ids_invalid')), 'ids_invalid'),
			v.maxLength(200, 'ids_invalid'),
			v.description('Notifications to mark read; all of the caller’s when absent.')
		)
	)
});

const PageParam = v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, 'page_invalid'), v.toNumber(), v.minValue(1, 'page_invalid')), '1');

export const PageQuery = v.object({ page: PageParam });

export const ApplicantsQuery = v.object({
	page: PageParam,
	status: v.optional(v.pipe(v.picklist(APPLICATION_STATUSES, 'status_invalid'), v.description('Only applications in this status.')))
});

export const ApplicationOut = v.object({
	id: v.string(),
	campaignId: v.string(),
	creatorId: v.string(),
	status: v.picklist(APPLICATION_STATUSES),
	pitch: v.string(),
	feeDzd: v.number(),
	formats: v.array(v.picklist(FORMATS)),
	proposedDates: v.array(v.string()),
	declineReason: v.nullable(v.string()),
	createdAt: v.string(),
	updatedAt: v.string()
});

export const ApplicationResponse = v.object({
	application: ApplicationOut,
	warnings: v.optional(v.array(v.object({ path: v.string(), code: v.string(), message: v.string() })))
});

export const AcceptResponse = v.object({ application: ApplicationOut, agreement: v.object({ id: v.string(), status: v.string(), version: v.number() }) });

export const AgreementResponse = v.object({
	agreement: v.object({
		id: v.string(),
		status: v.string(),
		version: v.number(),
		terms: v.record(v.string(), v.unknown()),
		documentSha256: v.nullable(v.string()),
		signatures: v.array(v.object({ party: v.string(), name: v.string(), signedAt: v.string() }))
	})
});
