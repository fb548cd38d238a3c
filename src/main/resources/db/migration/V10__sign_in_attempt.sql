-- The sign-in lockout's counts (issue 16): in the database, so that a user name locked on one server is locked on
-- every server sharing it. One row per user name that failed recently, existing or not (lower case); rows of
-- names whose window and lock have passed are removed when the table grows large, and nightly.
-- Runs unchanged on H2 and PostgreSQL.
create table sign_in_attempt (
    user_key      varchar(250)             not null primary key,
    failures      integer                  not null,
    window_start  timestamp with time zone not null,
    locked_until  timestamp with time zone
);
