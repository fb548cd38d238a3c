-- Users who sign in (Business Central's User table, 2000000120), their roles and their web service access keys.
-- Runs unchanged on H2 2.2.224 and PostgreSQL 15.

-- START WITH = INCREMENT BY = the entity's allocationSize (EclipseLink checks it).
create sequence app_user_seq start with 50 increment by 50;

create table app_user (
    id                       bigint        not null,
    -- Stored in lower case, so that sign-in and lookups are case-insensitive with a plain unique index.
    user_name                varchar(50)   not null,
    full_name                varchar(80)   not null,
    -- "Authentication Email" in BC: the user's Microsoft 365 identity; unique, null when the user has none.
    authentication_email     varchar(250),
    enabled                  boolean       not null,
    -- Jakarta Security Pbkdf2PasswordHash format: algorithm:iterations:salt:hash (Base64).
    password_hash            varchar(255)  not null,
    change_password          boolean       not null,
    -- SHA-256 (hex) of the web service access key; null until a key is generated.
    web_service_key_hash     varchar(64),
    web_service_key_changed  timestamp with time zone,
    created_at               timestamp with time zone not null,
    created_by               varchar(50)   not null,
    modified_at              timestamp with time zone not null,
    modified_by              varchar(50)   not null,
    version                  bigint        not null,
    constraint app_user_pk primary key (id),
    constraint app_user_user_name_uq unique (user_name),
    constraint app_user_authentication_email_uq unique (authentication_email),
    constraint app_user_user_name_lower_ck check (user_name = lower(user_name))
);

create table app_user_role (
    user_id  bigint      not null,
    role     varchar(20) not null,
    constraint app_user_role_pk primary key (user_id, role),
    constraint app_user_role_user_fk foreign key (user_id) references app_user (id) on delete cascade,
    constraint app_user_role_ck check (role in ('ADMIN', 'EMPLOYEE'))
);
