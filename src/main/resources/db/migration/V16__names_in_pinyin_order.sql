-- Names sort the way a Chinese reader looks them up: in pinyin order (阿 a, 李 li, 王 wang, 张 zhang), not by
-- code point (张 U+5F20 before 李 U+674E before 王 U+738B). The columns themselves carry the ICU collation
-- zh-x-icu (PostgreSQL built with ICU, as the postgres:17 image and the embedded binaries are), so every
-- "order by name" (SQL, JPQL, a Sort of the worker registry and the roster) is in pinyin order, and the
-- indexes on these columns (the registry's first page by name: ix_worker_name) are rebuilt in that order.
-- Equality stays exact (the collation is deterministic), so the unique names stay unique as before.
alter table worker alter column name type varchar(30) collate "zh-x-icu";
alter table app_user alter column display_name type varchar(64) collate "zh-x-icu";
alter table town alter column name type varchar(64) collate "zh-x-icu";
alter table project alter column name type varchar(200) collate "zh-x-icu";
alter table work_team alter column name type varchar(64) collate "zh-x-icu";
