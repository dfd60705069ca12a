-- The days a project has sign-ins, one row each, written with the first sign-in of the day, so that
-- the lists and dashboards that ask "which days were worked" read a few thousand rows instead of
-- every sign-in (a county holds millions). A derived register, never edited by hand, so it carries
-- no version or audit columns of its own.
create table attendance_day (
    project_id  bigint  not null references project (id),
    work_date   date    not null,
    primary key (project_id, work_date)
);

insert into attendance_day (project_id, work_date)
select distinct project_id, work_date from punch;

-- How many people signed in on a locked (approved) day, counted when the committee approved it:
-- an approved day's sign-ins can no longer change, so the dashboards need not count them again.
alter table attendance_lock add column present integer;

update attendance_lock l
set present = (select count(distinct p.worker_id) from punch p
               where p.project_id = l.project_id and p.work_date = l.work_date);

alter table attendance_lock alter column present set not null;

-- Lines not (yet) paid: few next to the paid ones, and what the "late payments" lists look for.
create index ix_payout_line_unpaid on payout_line (batch_id) where status in ('PENDING', 'FAILED');

-- The county-level worker list, by name: the first page without sorting every worker of the county.
create index ix_worker_name on worker (name, id);
