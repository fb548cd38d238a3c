-- The slot a run was for (the entry's Next Run Date/Time when a server claimed it): a late run and a skipped slot
-- look alike by their start times alone, and an administrator reading the log wants to know which slot ran. Empty
-- for Run Once (foreground), which no schedule asked for, and for runs logged before this column existed. Runs
-- unchanged on H2 and PostgreSQL.
alter table job_queue_log_entry add column scheduled_at timestamp with time zone;
