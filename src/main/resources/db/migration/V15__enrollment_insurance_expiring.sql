-- Insurance about to expire is shown on the home page of a town or of the whole county: the active
-- enrollments by the day their insurance ends, without reading every project's roster.
create index ix_enrollment_active_insurance_to on enrollment (insurance_to) where status = 'ACTIVE';
