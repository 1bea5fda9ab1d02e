-- An engagement is shared with the client's portal by a toggle; nothing inside it is visible before.
alter table engagement add column portal_shared boolean default false not null;
alter table engagement add column portal_shared_at timestamp with time zone;
-- true once someone chose who is told of client activity; until then the preparer and assigned-to are
alter table engagement add column activity_recipients_chosen boolean default false not null;

-- the portal lists a client's shared engagements
create index engagement_client_shared on engagement (client_id, portal_shared);

-- staff told of client activity on an engagement (uploads, answered requests, messages), when chosen explicitly
create table engagement_activity_recipient (
  engagement_id uuid not null references engagement (id) on delete cascade,
  staff_id uuid not null references staff_user (id),
  firm_id uuid not null references firm (id),
  primary key (engagement_id, staff_id)
);
