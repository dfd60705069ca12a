-- Issue 21: each module owns its tables; another module reads them only through the owner's query methods or
-- through views the owners publish. These are the views the supervision and attendance modules read (the other
-- modules' are in V31); the map of owners and published views is
-- src/test/java/org/workrelief/architecture/TableOwnership.java. Plain projections: PostgreSQL inlines them into the
-- reader's query, so its plan is that of the tables they stand for (the sign-in's one statement among them).

-- account
create view user_account_name as
select id, username, display_name from app_user;
comment on view user_account_name is
    'account publishes each user''s id, user name and display name (who sits on a committee, who is on duty).';

-- project
create view project_site as
select id, town_id, code, name, status, latitude, longitude, radius_m from project;
comment on view project_site is
    'project publishes each project''s town, code, name and status, and its worksite: where it is and how far from it a sign-in counts as on site.';

-- worker
create view worker_sign_in_key as
select id, worker_code, id_number_hash, name from worker;
comment on view worker_sign_in_key is
    'worker publishes how a sign-in names a worker (id, worker code or the keyed hash of the ID number) and the name it answers with.';

create view enrollment_terms as
select id, project_id, worker_id, enrolled_on, left_on, contract_signed_on, insurance_from, insurance_to from enrollment;
comment on view enrollment_terms is
    'worker publishes the dates of each enrollment that decide whether its worker may sign in on a day (worker.WorkEligibility).';

-- attendance
create view sign_in_record as
select id, project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by, flag_too_soon,
       flag_outside, created_at as received_at
from punch;
comment on view sign_in_record is
    'attendance publishes each sign-in as stored: how it came in, when it reached the server and its flags (the committee''s daily review, the attendance that may be paid).';

create view worked_day as
select project_id, work_date, locked from attendance_day;
comment on view worked_day is
    'attendance publishes the days of a project with sign-ins and whether each is locked (approved by the committee).';
