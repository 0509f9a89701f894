-- Failed logins per client and account (account '' = the client across accounts), shared by every node:
-- security/LoginThrottle. Rows expire; nothing here locks an account for good.
create table cf_login_failure (
  client          varchar(64)  not null,
  account         varchar(255) not null,
  failures        integer      not null,
  last_failure_at timestamp    not null,
  locked_until    timestamp,
  primary key (client, account)
);
create index cf_login_failure_last on cf_login_failure (last_failure_at);
