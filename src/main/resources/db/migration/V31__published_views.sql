-- Issue 21: each module owns its tables; another module reads them only through the owner's query methods or
-- through the views below, which the owners publish (one narrow view per thing published, only the columns its
-- readers need). The map of owners and published views: src/test/java/org/workrelief/architecture/TableOwnership.java,
-- held by TableOwnershipTests. Plain projections and joins: PostgreSQL inlines them into the reader's query, so the
-- plans are those of the joins they replace.

-- account
create view town_setting as
select id, code, name, labour_share_percent, bank_template_id from town;
comment on view town_setting is
    'account publishes each town: its name and the settings other modules keep on it (project: labour share; payout: bank template). Written only through account.TownSettings.';

create view user_name as
select username, display_name from app_user;
comment on view user_name is 'account publishes who a user name is (for lists that show who did something).';

-- project
create view project_name as
select id, town_id, code, name, status from project;
comment on view project_name is 'project publishes each project''s town, code, name and status.';

create view project_public_facts as
select id, town_id, code, name, villages, location, scale_content, entity_name, builder_name, supervision_unit,
       supervision_phone, status, central_funds, local_funds, social_capital, planned_remuneration, planned_workers,
       start_date, planned_completion, actual_completion
from project;
comment on view project_public_facts is
    'project publishes the facts of a project that are made public (public site, sign board, statistical report).';

-- team
create view team_day_rate as
select id, project_id, name, day_rate from work_team;
comment on view team_day_rate is 'team publishes each team''s name and day rate.';

-- worker
create view worker_name as
select id, town_id, worker_code, name, id_number_masked, id_number_hash from worker;
comment on view worker_name is
    'worker publishes who a worker is: code, name, masked ID number and its keyed hash (for exact search).';

create view worker_household as
select id, worker_code, name, village, household_no, household_status from worker;
comment on view worker_household is
    'worker publishes each worker''s village, household number and household status (who is of one household: worker.Household).';

create view worker_contact as
select id, town_id, worker_code, name, phone from worker;
comment on view worker_contact is 'worker publishes the mobile number texts go to (message).';

create view worker_payee_account as
select id, worker_code, name, id_number_masked, id_number_cipher, id_number_hash, phone, account_kind, bank_name,
       bank_card_cipher, bank_card_masked, bank_card_hash
from worker;
comment on view worker_payee_account is
    'worker publishes the payee of a wage line: identity and the account paid into, as payout copies it at release and writes the bank file and ledger.';

create view enrollment_period as
select id, project_id, worker_id, team_id, enrolled_on, left_on, status from enrollment;
comment on view enrollment_period is 'worker publishes who is enrolled on which project and team, from when until when.';

create view worker_group as
select worker_id, group_code from worker_group_member;
comment on view worker_group is 'worker publishes the groups (people lifted out of poverty, ...) each worker belongs to.';

-- attendance
create view sign_in as
select project_id, worker_id, work_date, slot, punched_at from punch;
comment on view sign_in is 'attendance publishes the sign-ins (one per worker, day and slot).';

create view attendance_day_headcount as
select d.project_id, d.work_date, d.locked,
       coalesce(l.present, (select count(distinct p.worker_id) from punch p
                            where p.project_id = d.project_id and p.work_date = d.work_date)) as present
from attendance_day d left join attendance_lock l using (project_id, work_date);
comment on view attendance_day_headcount is
    'attendance publishes each worked day of a project: locked or not, and how many signed in (kept at locking, else counted).';

-- supervision
create view approved_review_day as
select id, project_id, review_date from daily_review where status = 'APPROVED';
comment on view approved_review_day is 'supervision publishes the days the committee approved.';

create view rejected_anomaly as
select review_id, worker_ids from anomaly_decision where decision = 'REJECTED';
comment on view rejected_anomaly is
    'supervision publishes what the committee rejected on a day (no workers named: the whole day).';

-- training
create view training_attendance as
select s.project_id, a.worker_id, s.held_on from training_attendee a join training_session s on s.id = a.session_id;
comment on view training_attendance is 'training publishes who attended training for which project, and when.';

-- asset
create view project_handover as
select t.id, t.project_id, t.handed_over_on,
       coalesce(t.valuation, (select sum(x.value) from transferred_asset x where x.transfer_id = t.id)) as asset_value
from asset_transfer t;
comment on view project_handover is 'asset publishes when a project was handed over and the value of what was handed over.';

create view operation_job_hire as
select project_id, year, kind from operation_job;
comment on view operation_job_hire is 'asset publishes the operation-phase jobs of each project by year and kind.';

-- payout
create view payout_batch_state as
select id, project_id, period_from, period_to, reissue_of, status, publicized_at, released_at, notice_token, notice_until
from payout_batch;
comment on view payout_batch_state is 'payout publishes each batch''s period, state and public notice.';

create view payout_line_state as
select id, batch_id, worker_id, days, amount_payable, status, failed_at, bank_card_masked, bank_reason, paid_on
from payout_line;
comment on view payout_line_state is 'payout publishes each wage line''s worker, amount and where the bank has it.';

-- the money that counts as paid out in figures (a failed line counts again only when re-issued and paid)
create view released_wage as
select l.batch_id, b.project_id, b.period_from, b.period_to, l.worker_id, l.days, l.amount_payable
from payout_line l join payout_batch b on b.id = l.batch_id
where b.status in ('RELEASED', 'SETTLED') and l.status in ('PENDING', 'PAID');
comment on view released_wage is
    'payout publishes the wages released: lines of released or settled batches, not failed at the bank.';
