-- Whether a worked day is locked (its review approved), kept beside attendance_lock by AttendanceLocks
-- in the same transaction. The days awaiting review (worked, before today, not approved) are then
-- read from a small partial index instead of probing the review of every worked day of the county
-- (15,000 probes on the county administrator's home page).
alter table attendance_day add column locked boolean not null default false;

update attendance_day d set locked = true
where exists (select 1 from attendance_lock l where l.project_id = d.project_id and l.work_date = d.work_date);

create index ix_attendance_day_open on attendance_day (work_date, project_id) where not locked;
