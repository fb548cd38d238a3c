-- The job queue (Business Central's table 472 "Job Queue Entry" and 474 "Job Queue Log Entry"): entries that run a
-- registered job (codeunit 6700, contact sync, for now) once or on a recurrence, claimed by one server at a time
-- with a lease, and one log entry per run. Runs unchanged on H2 2.2.224 and PostgreSQL 15.

-- START WITH = INCREMENT BY = the entity's allocationSize: EclipseLink takes the value it reads as the last id of
-- its block. The entries' sequence starts one block later because the default entry below has id 1.
create sequence job_queue_entry_seq start with 100 increment by 50;
create sequence job_queue_log_entry_seq start with 50 increment by 50;
create sequence job_queue_log_item_seq start with 50 increment by 50;

create table job_queue_entry (
    id                          bigint        not null,
    description                 varchar(250)  not null default '',
    -- Object Type to Run (CODEUNIT) and Object ID to Run: a job of the registry (JobQueueJob).
    object_type                 varchar(20)   not null,
    object_id                   integer       not null,
    parameter_string            varchar(250)  not null default '',
    -- READY, IN_PROCESS, ERROR, ON_HOLD, FINISHED
    status                      varchar(20)   not null,
    -- Who created the entry or last set it to Ready.
    user_id                     varchar(50)   not null,
    earliest_start_at           timestamp with time zone,
    recurring                   boolean       not null default false,
    run_on_mondays              boolean       not null default false,
    run_on_tuesdays             boolean       not null default false,
    run_on_wednesdays           boolean       not null default false,
    run_on_thursdays            boolean       not null default false,
    run_on_fridays              boolean       not null default false,
    run_on_saturdays            boolean       not null default false,
    run_on_sundays              boolean       not null default false,
    -- Local times of day in the job queue's time zone (contactsync.jobqueue.time-zone); none: the whole day.
    starting_time               time,
    ending_time                 time,
    minutes_between_runs        integer       not null default 0,
    max_attempts                integer       not null default 3,
    rerun_delay_seconds         integer       not null default 60,
    -- Attempts of the current run (reset by a success and by Set Status to Ready).
    attempts                    integer       not null default 0,
    last_ready_at               timestamp with time zone,
    error_message               varchar(2000),
    -- When the scheduler runs it next (only while READY); computed, never typed.
    next_run_at                 timestamp with time zone,
    -- The claim: while IN_PROCESS the server named lease_owner runs it and renews lease_expires_at; an expired lease
    -- means that server stopped, and any server may recover the entry.
    lease_owner                 varchar(100),
    lease_expires_at            timestamp with time zone,
    -- The log entry of the run in process.
    current_log_entry_id        bigint,
    created_at                  timestamp with time zone not null,
    modified_at                 timestamp with time zone not null,
    modified_by                 varchar(50)   not null,
    version                     bigint        not null,
    constraint job_queue_entry_pk primary key (id)
);

create index job_queue_entry_due_ix on job_queue_entry (status, next_run_at);

create table job_queue_log_entry (
    id                          bigint        not null,
    entry_id                    bigint        not null,
    -- The entry's description and object when the run started (the entry may change later).
    description                 varchar(250)  not null default '',
    object_type                 varchar(20)   not null,
    object_id                   integer       not null,
    -- IN_PROCESS, SUCCESS, ERROR
    status                      varchar(20)   not null,
    started_at                  timestamp with time zone not null,
    ended_at                    timestamp with time zone,
    -- The server that ran it and the user the entry runs for.
    server                      varchar(100)  not null,
    user_id                     varchar(50)   not null,
    attempt                     integer       not null,
    -- The job's summary on success, or what went wrong.
    message                     varchar(2000),
    constraint job_queue_log_entry_pk primary key (id),
    constraint job_queue_log_entry_entry_fk foreign key (entry_id) references job_queue_entry (id) on delete cascade
);

create index job_queue_log_entry_entry_ix on job_queue_log_entry (entry_id, started_at);

-- What one run did for each subject (for codeunit 6700: each employee), with the sync run it started.
create table job_queue_log_item (
    id                          bigint        not null,
    log_entry_id                bigint        not null,
    subject                     varchar(50)   not null,
    -- SUCCEEDED, FAILED, POSTPONED, BLOCKED_BY_GUARD, REFUSED, ALREADY_RUNNING
    outcome                     varchar(20)   not null,
    -- The sync run (no foreign key: sync runs are purged on their own schedule).
    sync_run_id                 bigint,
    to_outlook                  integer       not null default 0,
    to_business_central         integer       not null default 0,
    failed                      integer       not null default 0,
    message                     varchar(2000) not null default '',
    constraint job_queue_log_item_pk primary key (id),
    constraint job_queue_log_item_log_fk foreign key (log_entry_id) references job_queue_log_entry (id)
        on delete cascade
);

create index job_queue_log_item_log_ix on job_queue_log_item (log_entry_id);

-- Business Central auto-creates this entry (codeunit 6700, every 1,440 minutes, all weekdays); it starts On Hold
-- here until an administrator sets it to Ready. Created once: an administrator may delete it for good.
insert into job_queue_entry (id, description, object_type, object_id, parameter_string, status, user_id,
        recurring, run_on_mondays, run_on_tuesdays, run_on_wednesdays, run_on_thursdays, run_on_fridays,
        run_on_saturdays, run_on_sundays, minutes_between_runs, max_attempts, rerun_delay_seconds,
        created_at, modified_at, modified_by, version)
values (1, 'Auto-created for retrieval of new data from Outlook. Can be deleted if not used.', 'CODEUNIT', 6700, '',
        'ON_HOLD', 'system', true, true, true, true, true, true, true, true, 1440, 3, 60,
        current_timestamp, current_timestamp, 'system', 1);
