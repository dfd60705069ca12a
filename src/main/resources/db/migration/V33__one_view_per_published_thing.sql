-- Issue 21: three views of V31 and V32 published the same thing twice, a narrower copy beside a wider one. Their
-- readers now use the wider view (plain projections, so PostgreSQL inlines either into the reader's query and the
-- plans do not move), and the copies go:
--   user_name (user name, display name)            -> user_account_name (with the user's id)
--   worker_sign_in_key (id, code, ID hash, name)   -> worker_name (with the town and the masked ID number)
--   sign_in (project, worker, day, slot, time)     -> sign_in_record (with how each sign-in came in and its flags)
-- The map of owners and published views: src/test/java/org/workrelief/architecture/TableOwnership.java.
drop view user_name;
drop view worker_sign_in_key;
drop view sign_in;
