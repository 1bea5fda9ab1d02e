-- firm-editable lists: engagement types and pipeline stages, in the firm's order
create table engagement_type (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  name varchar(60) not null,
  position int not null
);
create unique index engagement_type_firm_name on engagement_type (firm_id, name);

create table pipeline_stage (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  name varchar(60) not null,
  position int not null
);
create unique index pipeline_stage_firm_name on pipeline_stage (firm_id, name);

create table engagement (
  id uuid primary key,
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  name varchar(120) not null,
  type_id uuid not null references engagement_type (id),
  period varchar(40),
  due_date date,
  stage_id uuid not null references pipeline_stage (id),
  created_at timestamp with time zone not null,
  version int not null
);
create index engagement_client on engagement (client_id);
-- the pipeline reads a firm's engagements by stage; deleting a type or stage asks whether any engagement uses it
create index engagement_firm_stage on engagement (firm_id, stage_id);
create index engagement_firm_type on engagement (firm_id, type_id);

-- one staff user per role on a client ...
create table client_assignment (
  firm_id uuid not null references firm (id),
  client_id uuid not null references client (id),
  role varchar(16) not null,
  staff_id uuid not null references staff_user (id),
  assigned_at timestamp with time zone not null,
  primary key (client_id, role)
);
-- who sees what: "is this staff user assigned to this client" must be an index look-up. No index leads with the
-- role: bulk assign reads holders by (client_id in (...), role), and PostgreSQL's generic plans took such an index
-- for the role alone and tested a whole firm's rows against a thousand ids.
create index client_assignment_staff on client_assignment (staff_id, client_id);

-- ... and per engagement, overriding the client's for that engagement (no row: the client's holds)
create table engagement_assignment (
  firm_id uuid not null references firm (id),
  engagement_id uuid not null references engagement (id),
  -- the engagement's client, repeated so that visibility needs no join through engagement
  client_id uuid not null references client (id),
  role varchar(16) not null,
  staff_id uuid not null references staff_user (id),
  assigned_at timestamp with time zone not null,
  primary key (engagement_id, role)
);
create index engagement_assignment_staff on engagement_assignment (staff_id, client_id);

-- assignments a new client starts with, per client type
create table onboarding_default (
  firm_id uuid not null references firm (id),
  client_type varchar(16) not null,
  role varchar(16) not null,
  staff_id uuid not null references staff_user (id),
  primary key (firm_id, client_type, role)
);
