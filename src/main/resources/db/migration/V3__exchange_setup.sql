-- The Microsoft 365 connection (one per installation) and each employee's Exchange Sync / Contact Sync Setup
-- (Business Central's table 6700 "Exchange Sync", rebuilt on Microsoft Graph). Runs unchanged on H2 2.2.224 and
-- PostgreSQL 15.

create table graph_connection (
    -- One row only: the installation's connection.
    id                               integer       not null,
    tenant_id                        varchar(100)  not null,
    client_id                        varchar(100)  not null,
    -- AES-GCM ciphertexts (Base64) under contactsync.secret-key, which is never stored in the database.
    client_secret_encrypted          varchar(2000),
    certificate_encrypted            varchar(120000),
    certificate_file_name            varchar(250),
    certificate_password_encrypted   varchar(2000),
    authority_host                   varchar(250)  not null,
    graph_endpoint                   varchar(250)  not null,
    -- The outcome of the last Test connection (a ConnectionCheckOutcome name), when and by whom.
    last_test_outcome                varchar(30),
    last_test_at                     timestamp with time zone,
    last_test_by                     varchar(50),
    modified_at                      timestamp with time zone not null,
    modified_by                      varchar(50)   not null,
    version                          bigint        not null,
    constraint graph_connection_pk primary key (id),
    constraint graph_connection_single_ck check (id = 1)
);

-- START WITH = INCREMENT BY = the entity's allocationSize (EclipseLink checks it).
create sequence exchange_sync_seq start with 50 increment by 50;

create table exchange_sync (
    id                          bigint        not null,
    user_name                   varchar(50)   not null,
    -- "Folder ID" in BC: the name of the Outlook contact folder the sync fills.
    folder_name                 varchar(30)   not null default 'Business Central',
    -- Graph's id of that folder, set by the sync engine once it has found or created the folder.
    folder_id                   varchar(250),
    -- The name was changed after the folder was created: the engine renames the folder in Outlook, then clears it.
    folder_rename_pending       boolean       not null default false,
    -- The saved filter, one Business Central filter expression per field ('' = no filter on that field).
    filter_no                   varchar(250)  not null default '',
    filter_name                 varchar(250)  not null default '',
    filter_type                 varchar(250)  not null default '',
    filter_company_no           varchar(250)  not null default '',
    filter_company_name         varchar(250)  not null default '',
    filter_salesperson_code     varchar(250)  not null default '',
    filter_territory_code       varchar(250)  not null default '',
    filter_city                 varchar(250)  not null default '',
    filter_post_code            varchar(250)  not null default '',
    filter_county               varchar(250)  not null default '',
    filter_country_region_code  varchar(250)  not null default '',
    -- "Enabled" in BC, captioned Enable Background Synchronization: the job queue syncs only these.
    background_sync_enabled     boolean       not null default false,
    -- "Keep in Outlook, stop syncing": contacts that leave the filter or are deleted in BC stay in Outlook.
    keep_in_outlook             boolean       not null default false,
    -- Written by the sync engine.
    last_sync_at                timestamp with time zone,
    last_sync_result            varchar(250),
    delta_link                  varchar(4000),
    created_at                  timestamp with time zone not null,
    created_by                  varchar(50)   not null,
    modified_at                 timestamp with time zone not null,
    modified_by                 varchar(50)   not null,
    version                     bigint        not null,
    constraint exchange_sync_pk primary key (id),
    constraint exchange_sync_user_name_uq unique (user_name),
    constraint exchange_sync_user_fk foreign key (user_name) references app_user (user_name) on delete cascade
);
