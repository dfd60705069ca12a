-- Running on more than one machine (issue 8).
--
-- 1. Web sessions live in the database (Spring Session JDBC), so any instance behind the load
--    balancer serves any signed-in user and signing out anywhere signs out everywhere. This is the
--    PostgreSQL schema Spring Session JDBC 4.0 ships (org/springframework/session/jdbc/schema-postgresql.sql),
--    owned by Flyway like every other table (spring.session.jdbc.initialize-schema=never).
--    Times are the library's: milliseconds since the epoch, from the server's wall clock.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
-- the clean-up job deletes by expiry time
create index spring_session_ix2 on spring_session (expiry_time);
-- a disabled user's sessions are found by name and ended (SpringSessionBackedSessionRegistry)
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- 2. Scheduled work runs once across the instances (ClusterJobs): each run that did the work is
--    written down with the instance that did it, so that it can be proven and audited. A job's
--    period is cut into slots; at most one successful run per job and slot. A failed run is kept
--    too, and does not block another instance from trying the same slot again.
create table job_run (
    id           bigint generated always as identity primary key,
    job_name     varchar(100)  not null,
    slot_start   timestamptz   not null,
    instance_id  varchar(200)  not null,
    started_at   timestamptz   not null,
    finished_at  timestamptz   not null,
    outcome      varchar(8)    not null,
    detail       varchar(500),
    constraint ck_job_run_outcome check (outcome in ('DONE', 'FAILED')),
    constraint ck_job_run_times check (started_at <= finished_at)
);
create unique index uk_job_run_done on job_run (job_name, slot_start) where outcome = 'DONE';
create index ix_job_run_job on job_run (job_name, started_at desc);
