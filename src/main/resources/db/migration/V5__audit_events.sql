-- append-only: the application only ever inserts into this table (docs/audit.md says how to archive old rows)
create table audit_event (
  id uuid primary key,
  -- orders entries written in the same microsecond, such as a firm's creation and its set-up
  seq bigint generated always as identity not null,
  -- null for events that belong to no firm, such as a sign-in attempt with an unknown address
  firm_id uuid,
  occurred_at timestamp with time zone not null,
  actor_id uuid,
  actor_label varchar(254),
  action varchar(64) not null,
  subject_id varchar(64),
  summary varchar(1000),
  ip varchar(64),
  user_agent varchar(512)
);
create index audit_event_firm_time on audit_event (firm_id, occurred_at);
create index audit_event_firm_action on audit_event (firm_id, action, occurred_at);
create index audit_event_firm_actor on audit_event (firm_id, actor_id, occurred_at);
