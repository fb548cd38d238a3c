-- Mailbox alerts (issue 16, point 3): each employee's run of failed syncs, as Dynamics 365's server-side sync counts
-- a mailbox's failures. A successful sync resets it. After contactsync.sync.alerts.pause-after failures in a row
-- background synchronization is switched off with the reason recorded, until someone re-enables it. Numbered V15,
-- two above the highest on main when it was written (V13), as other changes add migrations at the same time: a
-- database that ran a higher version refuses a lower one that comes after it. Runs unchanged on H2 and PostgreSQL.
alter table exchange_sync add column failures_in_a_row integer not null default 0;
-- The last failed sync's message, when it ended and which run it was (for the alert's link to the Sync Log).
alter table exchange_sync add column last_failure_message varchar(2000);
alter table exchange_sync add column last_failure_at timestamp with time zone;
alter table exchange_sync add column last_failure_run_id bigint;
-- What kind of failure it was in an administrator's terms (a ConnectionCheckOutcome name; empty: not a Microsoft Graph
-- failure), so that pages say it in plain words in the reader's language.
alter table exchange_sync add column last_failure_kind varchar(30);
-- Background synchronization switched off by the engine: when, and after how many failures in a row (the reason the
-- pages give, in the reader's language). Empty: not paused, or someone has re-enabled it since.
alter table exchange_sync add column background_paused_at timestamp with time zone;
alter table exchange_sync add column background_paused_after integer;
