-- 回访不符的处理方式: an answer that differs is resolved by an administrator either by correcting the
-- line (a deduction, or days corrected in the daily review and the batch recomputed; a changed line
-- loses its confirmations) or by a written decision. The check keeps the line as the worker was asked
-- about it (days, amount payable, version), so a "corrected" resolution can be held against a real
-- change, and the line as it stood when resolved.
alter table callback_check
    add column line_days_checked      numeric(6, 1),
    add column line_payable_checked   numeric(12, 2),
    add column line_version_checked   bigint,
    add column resolution_kind        varchar(16),
    add column line_days_resolved     numeric(6, 1),
    add column line_payable_resolved  numeric(12, 2);

-- checks answered before this version: the line as it stands is the best record of what was asked
update callback_check c
set line_days_checked = l.days, line_payable_checked = l.amount_payable, line_version_checked = l.version
from payout_line l
where l.id = c.line_id and c.worked is not null;

-- every resolution so far was a written decision
update callback_check set resolution_kind = 'DECIDED' where resolution is not null;

alter table callback_check drop constraint ck_callback_check_resolved;
alter table callback_check
    add constraint ck_callback_check_checked_line check (worked is null
        or (line_days_checked is not null and line_payable_checked is not null and line_version_checked is not null)),
    add constraint ck_callback_check_resolution_kind check (resolution_kind is null or resolution_kind in ('CORRECTED', 'DECIDED')),
    add constraint ck_callback_check_resolved check (resolution_kind is null
        or (worked = 'DIFFERS' and resolved_by is not null and resolved_at is not null
            and (resolution_kind = 'CORRECTED' or resolution is not null)
            and (resolution_kind = 'DECIDED' or (line_days_resolved is not null and line_payable_resolved is not null)))),
    add constraint ck_callback_check_resolution_text check (resolution is null or resolution_kind is not null);
