package org.workrelief.architecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that says which module owns each table of the database and which views each module publishes
 * for the others (docs/architecture.md, "Tables"). A table belongs to the module whose feature its migration
 * brought; only its owner names it in SQL. Another module reads it through the owner's query methods or through
 * a view the owner's migration creates and lists here as {@link Kind#VIEW}. {@code TableOwnershipTests} reads the
 * modules' SQL against this map.
 *
 * <p>One line per table or view, grouped by owning module; a new migration adds its lines here.
 */
final class TableOwnership {

    enum Kind { TABLE, VIEW }

    record Relation(String name, String owner, Kind kind) {
    }

    static final List<Relation> RELATIONS = List.of(
            // common (V1, V9): the audit log, the job runs of ClusterJobs, the HTTP sessions (Spring Session JDBC)
            table("audit_log", "common"),
            table("job_run", "common"),
            table("spring_session", "common"),
            table("spring_session_attributes", "common"),

            // account (V1; views V31)
            table("town", "account"),
            table("app_user", "account"),
            view("user_account_name", "account"), // V32 (V33: also for user_name's readers)
            view("town_setting", "account"),

            // project (V2; views V31)
            table("project", "project"),
            view("project_site", "project"), // V32, read by supervision and attendance
            view("project_name", "project"),
            view("project_public_facts", "project"),

            // backup: no tables of its own

            // team (V2)
            table("work_team", "team"),
            view("team_day_rate", "team"),

            // accountability (V26)
            table("audit_chain_check", "accountability"),
            table("audit_chain_failure", "accountability"),
            table("audit_chain_checkpoint", "accountability"),

            // asset (V7)
            table("asset_transfer", "asset"),
            table("transferred_asset", "asset"),
            table("dividend", "asset"),
            table("dividend_share", "asset"),
            table("operation_job", "asset"),
            view("project_handover", "asset"),
            view("operation_job_hire", "asset"),

            // worker (V2, V18, V28)
            table("worker", "worker"),
            table("enrollment", "worker"),
            table("worker_pin", "worker"),
            table("worker_group_member", "worker"),
            view("enrollment_terms", "worker"), // V32, read by attendance
            view("worker_name", "worker"),
            view("worker_household", "worker"),
            view("worker_contact", "worker"),
            view("worker_payee_account", "worker"),
            view("enrollment_period", "worker"),
            view("worker_group", "worker"),

            // attendance (V3, V10)
            table("attendance_settings", "attendance"),
            table("punch", "attendance"),
            table("device_token", "attendance"),
            table("attendance_lock", "attendance"),
            table("attendance_day", "attendance"),
            view("sign_in_record", "attendance"), // V32 (V33: also for sign_in's readers)
            view("worked_day", "attendance"), // V32, read by supervision
            view("attendance_day_headcount", "attendance"),

            // training (V6)
            table("training_session", "training"),
            table("training_attendee", "training"),
            view("training_attendance", "training"),

            // supervision (V4)
            table("committee_member", "supervision"),
            table("duty_assignment", "supervision"),
            table("daily_review", "supervision"),
            table("anomaly_decision", "supervision"),
            table("review_photo", "supervision"),
            view("approved_review_day", "supervision"),
            view("rejected_anomaly", "supervision"),

            // payout (V5, V19, V20, V29)
            table("payout_batch", "payout"),
            table("payout_line", "payout"),
            table("cross_confirmation", "payout"),
            table("callback_sample", "payout"),
            table("callback_check", "payout"),
            table("confirmation_sheet", "payout"),
            table("confirmation_sheet_opened", "payout"),
            table("bank_file_template", "payout"),
            view("payout_batch_state", "payout"),
            view("payout_line_state", "payout"),
            view("released_wage", "payout"),

            // complaint (V23)
            table("complaint_number", "complaint"),
            table("complaint", "complaint"),
            table("complaint_step", "complaint"),
            table("complaint_board", "complaint"),

            // message (V24, V25)
            table("worker_message", "message"),
            table("worker_message_attempt", "message"),
            table("project_message_setting", "message"),

            // publicsite (V8)
            table("public_post", "publicsite"),

            // report (V28)
            table("project_progress", "report"),

            // dashboard (V11)
            table("project_figures", "dashboard")

            // arrears, self, demo: no tables of their own
    );

    /** Table or view name -> owning module. */
    static final Map<String, String> OWNER = RELATIONS.stream()
            .collect(Collectors.toMap(Relation::name, Relation::owner, (a, b) -> {
                throw new IllegalStateException("a relation listed twice: " + a + ", " + b);
            }, LinkedHashMap::new));

    /** The views the owners publish: any module may name them in SQL. */
    static final Set<String> PUBLISHED_VIEWS = RELATIONS.stream()
            .filter(r -> r.kind() == Kind.VIEW).map(Relation::name).collect(Collectors.toUnmodifiableSet());

    private static Relation table(String name, String owner) {
        return new Relation(name, owner, Kind.TABLE);
    }

    private static Relation view(String name, String owner) {
        return new Relation(name, owner, Kind.VIEW);
    }

    private TableOwnership() {
    }
}
