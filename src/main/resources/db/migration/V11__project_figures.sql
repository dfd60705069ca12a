-- The overview's figures of each project, as last computed: the county overview shows two hundred
-- projects, and computing all their figures from the records on every request (every enrollment,
-- released payout line and open day of the county) took 150 ms of database time a request. They are
-- recomputed when older than workrelief.dashboard.figures-max-age, by a job and on the user's
-- "refresh now"; the project's own dashboard always computes its figures from the records. A derived copy, never edited by hand: no audit columns, and the version only
-- counts the recomputations.
create table project_figures (
    project_id         bigint         primary key references project (id) on delete cascade,
    enrolled           bigint         not null,
    average_headcount  numeric(12, 1) not null,
    today_headcount    bigint         not null,
    released           numeric(16, 2) not null,
    paid_workers       bigint         not null,
    trained            bigint         not null,
    overdue_reviews    bigint         not null,
    late_payments      bigint         not null,
    figures_date       date           not null,
    computed_at        timestamptz    not null,
    version            bigint         not null default 0
);
