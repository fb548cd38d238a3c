-- A run's parts (issue 19): a job queue run is split into one part per subject (for codeunit 6700 one per employee
-- with background sync), and every server claims waiting parts of any open run, so that all servers on the database
-- work on one run. A part is claimed like an entry, by a conditional UPDATE, and held under a lease its server's
-- heartbeat renews; a part whose lease expired (its server stopped) is taken over by another server. The run ends
-- when its last part ends, in the transaction that ends that part. Runs unchanged on H2 2.2.224 and PostgreSQL 15.

-- What every part of the run runs with, kept on the run: Run Once (foreground) leaves the entry editable while its
-- parts run, and runs for whoever pressed it, not for the entry's user.
alter table job_queue_log_entry add column parameter_string varchar(250) not null default '';
alter table job_queue_log_entry add column run_for varchar(50) not null default '';

-- START WITH = INCREMENT BY = the entity's allocationSize (EclipseLink takes the value it reads as a block's last id).
create sequence job_queue_run_part_seq start with 50 increment by 50;

create table job_queue_run_part (
    id                          bigint        not null,
    log_entry_id                bigint        not null,
    subject                     varchar(50)   not null,
    -- WAITING (for a server, from not_before on), RUNNING (on server, under the lease), DONE (its log item written)
    state                       varchar(20)   not null,
    not_before                  timestamp with time zone not null,
    -- Whether the part already went back to waiting once (a postponed employee is tried once more, not again).
    retried                     boolean       not null default false,
    server                      varchar(100),
    lease_expires_at            timestamp with time zone,
    version                     bigint        not null,
    constraint job_queue_run_part_pk primary key (id),
    constraint job_queue_run_part_subject_uq unique (log_entry_id, subject),
    constraint job_queue_run_part_log_fk foreign key (log_entry_id) references job_queue_log_entry (id)
        on delete cascade
);

create index job_queue_run_part_open_ix on job_queue_run_part (state, not_before);
