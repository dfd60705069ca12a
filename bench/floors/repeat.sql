-- pgbench: what a repeat sign-in asks of PostgreSQL, alone: the one statement PunchService.firstRead sends (the
-- project, the worker by code, the day's windows and the worker's sign-ins of the day), for a worker of the
-- benchmark's project on the repeats' day. Variables (pgbench -D): project, day (days since 1970-01-01), workers.
\set i random(1, :workers)
select p.id, p.town_id, p.status, p.latitude, p.longitude, p.radius_m,
       f.id, f.name, f.enrolled, f.enrolled_on, f.left_on, f.contract_signed_on, f.insurance_from, f.insurance_to,
       s.am_start, s.am_end, s.pm_start, s.pm_end, s.min_gap_minutes,
       d.slot, d.project_id, d.punched_at, d.flag_too_soon, d.flag_outside
from project p
left join lateral (
    select w.id, w.name, e.id is not null as enrolled, e.enrolled_on, e.left_on, e.contract_signed_on,
           e.insurance_from, e.insurance_to
    from worker w left join enrollment e on e.worker_id = w.id and e.project_id = p.id
    where w.worker_code = (select code from bench_floor_worker where i = cast(:i as int))
    order by (e.enrolled_on <= (date '1970-01-01' + cast(:day as int)) and (e.left_on is null or e.left_on > (date '1970-01-01' + cast(:day as int)))) desc nulls last, e.id desc
    limit 1
) f on true
left join attendance_settings s on s.project_id = p.id
left join punch d on d.worker_id = f.id and d.work_date = (date '1970-01-01' + cast(:day as int))
where p.id = cast(:project as bigint);
