-- Teams give Members their permissions. Built-in teams (Preparers, Reviewers, Signers) have built_in set.
create table team (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  name varchar(80) not null,
  built_in varchar(16),
  permissions varchar(400) not null,
  created_at timestamp with time zone not null,
  version int not null
);
create unique index team_firm_name on team (firm_id, name);

create table team_member (
  team_id uuid not null references team (id) on delete cascade,
  staff_id uuid not null references staff_user (id),
  primary key (team_id, staff_id)
);
create index team_member_staff on team_member (staff_id);
