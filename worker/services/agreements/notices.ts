/** The payload of the in-app notifications about an agreement (sent, signed by one party, signed by both). */
import type { AgreementNotificationPayload } from '../notifications';
import type { AgreementRow } from './rows';

export function agreementNotice(row: AgreementRow): AgreementNotificationPayload {
	return {
		agreementId: row.id,
		applicationId: row.application_id,
		campaignTitle: row.campaign_title ?? '',
		brandName: row.brand_name,
		creatorName: row.creator_name,
		version: row.version
	};
}
