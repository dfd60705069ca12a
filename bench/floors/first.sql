-- pgbench: what a first sign-in writes, alone, without its audit row: one new (worker, day, half-day) a
-- transaction, the worker-day lock and the day read under it, the row, the day register, the commit (the
-- statements of PunchService.lockAndRead and store, without the rules between them). Variables: project,
-- workers, day (the first of the days it may use, as days since 1970-01-01).
select nextval('bench_floor_seq') as k \gset
\set i :k % :workers + 1
\set d :k / (2 * :workers)
\set half (:k / :workers) % 2
begin;
select pg_advisory_xact_lock(:k);
select slot from punch where worker_id = (select worker_id from bench_floor_worker where i = :i)
   and work_date = (date '1970-01-01' + :day) + :d;
insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by, flag_outside,
                   created_at, created_by, updated_at, updated_by)
values (:project, (select worker_id from bench_floor_worker where i = :i), (date '1970-01-01' + :day) + :d,
        case when :half = 0 then 'AM' else 'PM' end, now(), 'DEVICE', 'bench-floor', 'device:bench-floor', false,
        now(), 'device:bench-floor', now(), 'device:bench-floor');
insert into attendance_day (project_id, work_date) values (:project, (date '1970-01-01' + :day) + :d) on conflict do nothing;
commit;
