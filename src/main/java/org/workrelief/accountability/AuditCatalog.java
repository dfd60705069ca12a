package org.workrelief.accountability;

import java.util.List;
import java.util.Set;

/**
 * The operations and kinds of record the modules write to the audit log, in the order the viewer
 * offers them; each has a label {@code audit.op.<code>} and {@code audit.kind.<type>} in both languages
 * (AuditCatalogTests checks that every code the code writes is listed and labelled).
 */
public final class AuditCatalog {

    /** Sign-ins: most of the log, and of little interest to a clerk, so hidden unless asked for. */
    public static final Set<String> SIGN_INS = Set.of("LOGIN_SUCCEEDED", "LOGIN_FAILED");

    public static final List<String> OPERATIONS = List.of(
            "PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED",
            "WORKER_REGISTERED", "WORKER_UPDATED", "ROSTER_IMPORTED", "ENROLLED", "ENROLLMENT_UPDATED", "ENROLLMENT_LEFT",
            "WORKER_PIN_SET", "WORKER_PIN_FAILED", "WORKER_PIN_LOCKED", "WORKER_PIN_RESET",
            "SELF_SIGNED_IN", "SELF_LOOKUP_REFUSED", "SELF_VIEWED", "SELF_SIGNED_OUT", "SELF_TIMED_OUT",
            "TEAM_CREATED", "TEAM_UPDATED", "TEAM_LEADER_APPOINTED",
            "PUNCH_RECORDED", "PUNCH_FLAGGED", "ATTENDANCE_IMPORTED", "ATTENDANCE_WINDOWS_CHANGED",
            "ATTENDANCE_DAY_LOCKED", "ATTENDANCE_SUMMARY_SWITCHED", "ATTENDANCE_DAY_UNLOCKED", "DEVICE_TOKEN_ISSUED", "DEVICE_TOKEN_REVOKED",
            "COMMITTEE_MEMBER_ADDED", "COMMITTEE_MEMBER_REMOVED", "DUTY_ROSTER_GENERATED", "DUTY_DAY_CHANGED",
            "REVIEW_OPENED", "ANOMALY_DECIDED", "REVIEW_CHECKS_RECORDED", "REVIEW_PHOTO_ADDED", "REVIEW_PHOTO_REMOVED",
            "REVIEW_APPROVED", "REVIEW_CORRECTED",
            "PAYOUT_BATCH_CREATED", "PAYOUT_LINE_DEDUCTED", "PAYOUT_LINE_RECOMPUTED", "CONFIRMATION_RECORDED",
            "CONFIRMATION_REMOVED", "CONFIRMATIONS_VOIDED", "SHEET_UPLOADED", "SHEET_ATTESTED", "PAYOUT_BATCH_PUBLICIZED", "PAYOUT_OBJECTION_RECORDED",
            "PAYOUT_OBJECTION_RESOLVED", "CALLBACK_ATTEMPTED", "CALLBACK_CHECKED", "CALLBACK_RESOLVED", "PAYOUT_BATCH_APPROVED", "PAYOUT_BATCH_RELEASED", "PAYOUT_BATCH_DISCARDED",
            "BANK_FILE_DOWNLOADED", "BANK_FILE_REFUSED", "WORKER_MESSAGE_SENT_BY_HAND", "BANK_RESULTS_IMPORTED", "PAYOUT_BATCH_SETTLED", "PAYOUT_BATCH_REISSUED",
            "BANK_TEMPLATE_SAVED", "BANK_TEMPLATE_CHOSEN", "WAGE_LEDGER_DOWNLOADED",
            "COMPLAINT_RECORDED", "COMPLAINT_STARTED", "COMPLAINT_RESOLVED", "COMPLAINT_REJECTED", "COMPLAINT_REASSIGNED", "COMPLAINT_BOARD_SAVED",
            "TRAINING_CREATED", "TRAINING_ATTENDEES_ADDED", "TRAINING_ATTENDEES_IMPORTED", "TRAINING_ATTENDEE_REMOVED",
            "ASSET_TRANSFER_SAVED", "ASSET_ADDED", "DIVIDEND_RECORDED", "DIVIDEND_SPLIT", "OPERATION_JOB_ADDED",
            "PROJECT_PROGRESS_RECORDED",
            "PUBLIC_POST_PUBLISHED", "PUBLIC_POST_WITHDRAWN",
            "BACKUP_CREATED", "BACKUP_DOWNLOADED", "BACKUP_REFUSED",
            "TOWN_CREATED", "TOWN_LABOUR_SHARE_SET", "USER_CREATED", "USER_UPDATED", "USER_DISABLED", "USER_PASSWORD_RESET", "USER_PASSWORD_CHANGED",
            "USER_LOCKED", "AUDIT_CHAIN_VERIFIED", "LOGIN_SUCCEEDED", "LOGIN_FAILED");

    public static final List<String> RECORD_KINDS = List.of(
            "Project", "Worker", "Enrollment", "WorkTeam", "Punch", "AttendanceDay", "DeviceToken", "CommitteeMember",
            "DutyRoster", "DailyReview", "PayoutBatch", "PayoutLine", "ConfirmationSheet", "WorkerMessage", "Complaint", "ComplaintBoard", "TrainingSession", "AssetTransfer",
            "TransferredAsset", "Dividend", "OperationJob", "PublicPost", "Town", "User",
            "Backup", "AuditChainCheck", "BankTemplate", "ProjectProgress");

    private AuditCatalog() {
    }
}
