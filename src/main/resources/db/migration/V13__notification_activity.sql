-- client activity waiting to be told: one line per recipient, grouped into one email per recipient and
-- engagement (or client) once the oldest unsent line of the group is older than the window
create table notification_activity (
  id uuid primary key,
  firm_id uuid not null,
  client_id uuid not null,
  engagement_id uuid,
  recipient_kind varchar(8) not null,
  recipient_id uuid not null,
  email varchar(254) not null,
  kind varchar(32) not null,
  summary varchar(500) not null,
  link_path varchar(500) not null,
  created_at timestamp with time zone not null,
  sent_at timestamp with time zone
);
-- the digest job: unsent lines, oldest first; then the lines of one group
create index notification_activity_unsent on notification_activity (sent_at, created_at);
create index notification_activity_group on notification_activity (recipient_id, client_id, engagement_id, sent_at);

-- what a contact wants to be emailed about; no row means everything
create table notification_preference (
  firm_id uuid not null,
  contact_id uuid not null,
  shared_items boolean not null,
  requests boolean not null,
  messages boolean not null,
  updated_at timestamp with time zone not null,
  primary key (firm_id, contact_id)
);
