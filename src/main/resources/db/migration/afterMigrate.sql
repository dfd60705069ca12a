-- Flyway runs this after every migrate, as the schema's owner: the runtime role (DatabaseRoles) may
-- read and write rows of every table, and nothing more. It owns nothing, so it can neither change the
-- schema nor switch a trigger off; the audit log it may only read and append to, Flyway's history only
-- read. Does nothing where the runtime role does not exist, or is the owner itself (a deployment that
-- still runs with one role: it keeps working, and the application warns at start). The role's name comes
-- from the session setting workrelief.runtime_role (the application sets it from workrelief.db.runtime-role
-- through spring.flyway.init-sqls), else workrelief_app; so a plain Flyway run needs no configuration.
do $$
declare
    runtime constant text := coalesce(nullif(current_setting('workrelief.runtime_role', true), ''), 'workrelief_app');
    published record;
begin
    if runtime = current_user or not exists (select 1 from pg_roles where rolname = runtime) then
        return;
    end if;
    execute format('grant usage on schema public to %I', runtime);
    execute format('revoke create on schema public from %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('revoke truncate, references, trigger on all tables in schema public from %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
    execute format('revoke insert, update, delete on flyway_schema_history from %I', runtime);
    execute format('revoke update, delete on audit_log from %I', runtime);
    -- the views the modules publish to each other (V31 on) are read-only: a module writes its own tables only
    for published in select viewname from pg_views where schemaname = 'public' loop
        execute format('revoke insert, update, delete on %I from %I', published.viewname, runtime);
    end loop;
end
$$;
