-- pgbench: what a first sign-in writes, alone: one new (worker, day, half-day) a transaction, the worker-day lock
-- and the day read under it, the row, with audited=1 its audit row as the application writes it (into the project's
-- audit chain, whose trigger (V26) takes the chain's lock and holds it until the commit), the day register, the
-- commit: the statements of PunchService.write without the rules around them. Variables (pgbench -D): project,
-- workers, day (the first of the days it may use, as days since 1970-01-01), audited (0 or 1). No colon in a literal:
-- pgbench reads ':name' as a variable even inside quotes.
select k, k % cast(:workers as int) + 1 as i, k / (2 * cast(:workers as int)) as d, (k / cast(:workers as int)) % 2 as half
from nextval('bench_floor_seq') k \gset
begin;
select pg_advisory_xact_lock(cast(:k as bigint));
select slot from punch where worker_id = (select worker_id from bench_floor_worker where i = cast(:i as int))
   and work_date = (date '1970-01-01' + cast(:day as int)) + cast(:d as int);
insert into punch (project_id, worker_id, work_date, slot, punched_at, source, device_id, recorded_by, flag_outside,
                   created_at, created_by, updated_at, updated_by)
values (cast(:project as bigint), (select worker_id from bench_floor_worker where i = cast(:i as int)), (date '1970-01-01' + cast(:day as int)) + cast(:d as int),
        case when cast(:half as int) = 0 then 'AM' else 'PM' end, now(), 'DEVICE', 'bench-floor', 'bench-floor-device', false,
        now(), 'bench-floor-device', now(), 'bench-floor-device');
\if :audited
insert into audit_log (occurred_at, actor, action, entity_type, entity_id, town_id, project_id, after_state, detail)
values (now(), 'bench-floor-device', 'PUNCH_RECORDED', 'Punch', cast(:k as bigint), (select town_id from project where id = cast(:project as bigint)),
        cast(:project as bigint), '{"source": "DEVICE"}'::jsonb, 'bench-floor');
\endif
insert into attendance_day (project_id, work_date) values (cast(:project as bigint), (date '1970-01-01' + cast(:day as int)) + cast(:d as int)) on conflict do nothing;
commit;
