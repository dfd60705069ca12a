-- Issue 19 §2: the audit log becomes tamper-evident. Every row carries the SHA-256 (hex) of a canonical
-- form of its own content and of the previous row's hash in its chain, computed by a BEFORE INSERT
-- trigger, so all three ways the application writes audit rows (one insert, a batch, INSERT ... SELECT
-- in a CTE) are chained in the same transaction as the entry, and no application code can forget it.
--
-- Chains are kept per scope: the project's chain ('project:<id>') when the row has a project, else the
-- town's ('town:<id>'), else the county's ('county'). Each chain is serialized by a transaction-scoped
-- advisory lock on its key, taken inside the trigger and held until the writer commits or rolls back,
-- and numbered by chain_seq (the previous row's + 1, unique per chain): identity ids are assigned
-- before the lock and may commit out of order, chain_seq cannot. One chain per scope keeps unrelated
-- projects and towns from waiting on one global lock (sign-ins write an audit row each); a
-- transaction writing to several chains takes several locks, each in the order it writes them (two
-- transactions taking two chains' locks in opposite orders are a deadlock PostgreSQL detects and ends
-- by failing one of them, as with any other lock).
--
-- The last row of a chain is found by one backward scan of the unique index (chain, chain_seq): there
-- is no chain-head table that a role allowed to UPDATE could rewrite. The trigger needs only SELECT on
-- audit_log and the built-in sha256() and pg_advisory_xact_lock(), so it works for a runtime role
-- with only SELECT and INSERT on the table. It needs READ COMMITTED (the application's isolation):
-- each statement of the function sees what was committed while it waited for the lock.
--
-- Canonical form (version 1), the UTF-8 bytes of these fields joined by '|':
--   v1 | id | chain | chain_seq | occurred_at as microseconds since 1970-01-01T00:00Z | actor | action
--      | entity_type | entity_id | town_id | project_id | before_state::text | after_state::text | detail
--      | previous row's hash
-- a null field is written \N; in any other field '\' is written '\\' and '|' is written '\|'. The first
-- row of a chain has no previous hash (\N). Numbers are in decimal without leading zeros; jsonb is in
-- PostgreSQL's own text form of jsonb (as any client reads the column). Java recomputes the same form
-- independently of this function (org.workrelief.common.audit.AuditChain), so replacing the function
-- does not hide a rewrite.

alter table audit_log
    add column chain     varchar(32),
    add column chain_seq bigint,
    add column hash      char(64);

create function audit_chain_field(value text) returns text
    language sql immutable as
$$
select case when value is null then '\N' else replace(replace(value, '\', '\\'), '|', '\|') end
$$;

create function audit_chain_hash(id bigint, chain text, chain_seq bigint, occurred_at timestamptz, actor text,
                                 action text, entity_type text, entity_id text, town_id bigint, project_id bigint,
                                 before_state jsonb, after_state jsonb, detail text, previous text) returns text
    language sql immutable as
$$
select encode(sha256(convert_to(concat_ws('|', 'v1', id::text, audit_chain_field(chain), chain_seq::text,
        (extract(epoch from occurred_at) * 1000000)::bigint::text,
        audit_chain_field(actor), audit_chain_field(action), audit_chain_field(entity_type),
        audit_chain_field(entity_id), audit_chain_field(town_id::text), audit_chain_field(project_id::text),
        audit_chain_field(before_state::text), audit_chain_field(after_state::text), audit_chain_field(detail),
        audit_chain_field(previous)), 'UTF8')), 'hex')
$$;

-- The chain of a row. Its lock key is two ints, a space of their own (see ClusterJobs for the others):
-- (MIN_VALUE + 2, project id) for a project's chain, (MIN_VALUE + 3, town id or 0) for a town's or the
-- county's; an id beyond 2^31 - 1 wraps, and at worst shares its lock with another chain (it waits more).
create function audit_chain_of(town_id bigint, project_id bigint) returns text
    language sql immutable as
$$
select case when project_id is not null then 'project:' || project_id
            when town_id is not null then 'town:' || town_id
            else 'county' end
$$;

create function audit_log_chain() returns trigger
    language plpgsql as
$$
declare
    last_seq  bigint;
    last_hash text;
begin
    new.chain := audit_chain_of(new.town_id, new.project_id);
    if new.project_id is not null then
        perform pg_advisory_xact_lock(-2147483646, (new.project_id % 2147483647)::int);
    else
        perform pg_advisory_xact_lock(-2147483645, (coalesce(new.town_id, 0) % 2147483647)::int);
    end if;
    select a.chain_seq, a.hash into last_seq, last_hash
    from audit_log a where a.chain = new.chain order by a.chain_seq desc limit 1;
    new.chain_seq := coalesce(last_seq, 0) + 1;
    new.hash := audit_chain_hash(new.id, new.chain, new.chain_seq, new.occurred_at, new.actor, new.action,
                                 new.entity_type, new.entity_id, new.town_id, new.project_id, new.before_state,
                                 new.after_state, new.detail, last_hash);
    return new;
end;
$$;

-- Back-fill: the rows written so far, each chain in the order of their ids.
alter table audit_log disable trigger audit_log_no_update_or_delete;

update audit_log set chain = audit_chain_of(town_id, project_id);

do
$$
declare
    r          record;
    this_chain text := null;
    seq        bigint := 0;
    previous   text := null;
begin
    for r in select * from audit_log order by chain, id loop
        if this_chain is distinct from r.chain then
            this_chain := r.chain;
            seq := 0;
            previous := null;
        end if;
        seq := seq + 1;
        previous := audit_chain_hash(r.id, r.chain, seq, r.occurred_at, r.actor, r.action, r.entity_type,
                                     r.entity_id, r.town_id, r.project_id, r.before_state, r.after_state,
                                     r.detail, previous);
        update audit_log set chain_seq = seq, hash = previous where id = r.id;
    end loop;
end;
$$;

alter table audit_log enable trigger audit_log_no_update_or_delete;

alter table audit_log
    alter column chain set not null,
    alter column chain_seq set not null,
    alter column hash set not null;

create unique index ux_audit_log_chain on audit_log (chain, chain_seq);

create trigger audit_log_chain
    before insert on audit_log
    for each row execute function audit_log_chain();

-- Each verification (the daily job, an administrator's 立即校验, the operator's command): what it
-- covered, up to where, and its result; and the first entry of each chain that did not match.
create table audit_chain_check (
    id              bigint generated always as identity primary key,
    scope_town_id   bigint references town (id),
    started_at      timestamptz not null,
    finished_at     timestamptz not null,
    checked_by      varchar(64) not null,
    chains          integer     not null,
    entries         bigint      not null,
    last_entry_id   bigint,
    outcome         varchar(16) not null check (outcome in ('INTACT', 'BROKEN'))
);
create index ix_audit_chain_check_scope on audit_chain_check (scope_town_id, id desc);

create table audit_chain_failure (
    check_id   bigint      not null references audit_chain_check (id),
    chain      varchar(32) not null,
    town_id    bigint,
    entry_id   bigint,
    chain_seq  bigint,
    problem    varchar(32) not null,
    expected   varchar(100),
    found      varchar(100),
    primary key (check_id, chain)
);

-- The head of each chain at its last intact verification: a later one that no longer finds that entry,
-- or finds it changed, reports the chain cut short (entries removed from its end).
create table audit_chain_checkpoint (
    chain      varchar(32) primary key,
    chain_seq  bigint      not null,
    hash       char(64)    not null,
    checked_at timestamptz not null
);
