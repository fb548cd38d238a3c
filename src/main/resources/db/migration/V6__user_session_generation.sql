-- Ends a user's other sessions when their password changes (issue 14). Each signed-in session remembers the
-- generation it signed in at; a password change adds one, and every server (they share this table) then ends the
-- sessions of an older generation at their next page request. Runs unchanged on H2 and PostgreSQL.
alter table app_user add column session_generation bigint default 0 not null;
