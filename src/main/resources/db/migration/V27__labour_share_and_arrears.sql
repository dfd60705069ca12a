-- Issue 20 §1 and §7: each project's approved labour share (劳务报酬占比) from its approval document,
-- the fund batch it is paid from, and the written explanation when it is completed below its floor;
-- a town's default share (null: the county's, workrelief.remuneration-share-threshold-percent); and
-- when a bank line failed, so that a failed line not re-issued within 7 days is warned of (欠薪预警).

alter table project add column approval_ref            varchar(100);
alter table project add column approval_date           date;
alter table project add column approved_share_percent  numeric(5, 2);
alter table project add column fund_batch_kind         varchar(16) not null default 'REGULAR';
alter table project add column completion_explanation  varchar(1000);
alter table project add constraint ck_project_approved_share
    check (approved_share_percent is null or (approved_share_percent > 0 and approved_share_percent <= 100));
alter table project add constraint ck_project_fund_batch_kind check (fund_batch_kind in ('REGULAR', 'EXTRA_2025'));

alter table town add column labour_share_percent numeric(5, 2);
alter table town add constraint ck_town_labour_share
    check (labour_share_percent is null or (labour_share_percent > 0 and labour_share_percent <= 100));

-- set by the bank result import from the application's clock; lines that failed before this version
-- count from their batch's release
alter table payout_line add column failed_at timestamptz;
