-- The sync engine's own data: each employee's link table (Business Central contact No. <-> Outlook contact), the
-- runs ("Sync with Microsoft 365", "Full Sync with Microsoft 365") with the lease that allows one run per employee
-- at a time, and the per-contact sync log. Runs unchanged on H2 2.2.224 and PostgreSQL 15.

-- START WITH = INCREMENT BY = the entity's allocationSize (EclipseLink checks it).
create sequence sync_link_seq start with 50 increment by 50;
create sequence sync_run_seq start with 50 increment by 50;
create sequence sync_log_entry_seq start with 50 increment by 50;

create table sync_link (
    id                      bigint        not null,
    user_name               varchar(50)   not null,
    contact_no              varchar(20)   not null,
    -- Graph's immutable id of the Outlook contact (Prefer: IdType="ImmutableId").
    graph_id                varchar(250)  not null,
    -- The Outlook version last seen or written by the sync.
    change_key              varchar(250)  not null,
    -- The values both sides agreed on at the last sync: a JSON object keyed by SyncedField name; a missing key
    -- has no agreed value yet.
    last_synced             varchar(20000) not null,
    -- The BC contact was created by the sync from Outlook: it keeps syncing outside the employee's filter.
    imported_from_outlook   boolean       not null default false,
    -- A tombstone: left the sync, kept in Outlook as the employee chose; never imported back.
    kept                    boolean       not null default false,
    modified_at             timestamp with time zone not null,
    constraint sync_link_pk primary key (id),
    constraint sync_link_contact_uq unique (user_name, contact_no),
    constraint sync_link_graph_id_uq unique (user_name, graph_id),
    constraint sync_link_user_fk foreign key (user_name) references app_user (user_name) on delete cascade
);

create table sync_run (
    id                      bigint        not null,
    user_name               varchar(50)   not null,
    -- PAGE, CONTACT_LIST, API, JOB_QUEUE
    run_trigger             varchar(20)   not null,
    started_by              varchar(50)   not null,
    -- INCREMENTAL or FULL
    mode                    varchar(20)   not null,
    preview                 boolean       not null default false,
    mass_delete_confirmed   boolean       not null default false,
    -- RUNNING, SUCCEEDED, FAILED, POSTPONED, BLOCKED_BY_GUARD
    status                  varchar(20)   not null,
    started_at              timestamp with time zone not null,
    ended_at                timestamp with time zone,
    -- Progress: planned actions and actions carried out so far.
    planned_actions         integer       not null default 0,
    done_actions            integer       not null default 0,
    -- Counts per action kind (the kind says the direction), plus writes that failed.
    created_in_outlook      integer       not null default 0,
    recreated_in_outlook    integer       not null default 0,
    updated_in_outlook      integer       not null default 0,
    deleted_in_outlook      integer       not null default 0,
    created_in_bc           integer       not null default 0,
    updated_in_bc           integer       not null default 0,
    linked                  integer       not null default 0,
    relinked                integer       not null default 0,
    links_refreshed         integer       not null default 0,
    unlinked                integer       not null default 0,
    skipped                 integer       not null default 0,
    conflicts               integer       not null default 0,
    failed                  integer       not null default 0,
    -- What a guarded run would delete, of how many contacts in the folder.
    guard_deletes           integer       not null default 0,
    guard_folder_size       integer       not null default 0,
    -- Graph requests the run sent.
    graph_requests          integer       not null default 0,
    error_message           varchar(2000),
    -- The lease: while the run holds it, lease_user_name = user_name; the unique constraint lets only one run per
    -- employee hold it, on any number of servers sharing the database. A lease past lease_expires_at may be taken
    -- over (its server died); a finished run clears lease_user_name.
    lease_user_name         varchar(50),
    lease_owner             varchar(100),
    lease_expires_at        timestamp with time zone,
    constraint sync_run_pk primary key (id),
    constraint sync_run_lease_uq unique (lease_user_name),
    constraint sync_run_user_fk foreign key (user_name) references app_user (user_name) on delete cascade
);

create index sync_run_user_started_ix on sync_run (user_name, started_at);

create table sync_log_entry (
    id                      bigint        not null,
    run_id                  bigint        not null,
    contact_no              varchar(20)   not null default '',
    graph_id                varchar(250)  not null default '',
    -- An ActionKind name, or FAILED for a write that did not succeed.
    action                  varchar(30)   not null,
    -- TO_OUTLOOK, TO_BUSINESS_CENTRAL, NONE
    direction               varchar(30)   not null,
    -- SyncedField captions, comma-separated.
    fields_changed          varchar(1000) not null default '',
    -- A Reason name.
    reason                  varchar(40)   not null,
    detail                  varchar(1000) not null default '',
    logged_at               timestamp with time zone not null,
    constraint sync_log_entry_pk primary key (id),
    constraint sync_log_entry_run_fk foreign key (run_id) references sync_run (id) on delete cascade
);

create index sync_log_entry_run_ix on sync_log_entry (run_id);
