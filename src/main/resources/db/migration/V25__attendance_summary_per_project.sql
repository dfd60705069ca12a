-- 每日考勤短信 per project: a town administrator turns the evening text of the day's sign-in times on for
-- a project (off unless turned on; the operator's switch workrelief.messages.attendance-summary.enabled
-- must be on too, since texts cost money).
create table project_message_setting (
    project_id          bigint       primary key references project (id),
    attendance_summary  boolean      not null,
    version             bigint       not null default 0,
    created_at          timestamptz  not null,
    created_by          varchar(64),
    updated_at          timestamptz  not null,
    updated_by          varchar(64)
);
