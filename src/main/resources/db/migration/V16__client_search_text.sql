-- What the client search looks in, kept on the client row by the client module whenever the client or one of its
-- contacts changes: the name, the email, and every contact's name and email, lower-case, one per line. A search
-- then reads the clients a viewer sees and nothing else, instead of probing the contacts of each of them.
alter table client add column search_text varchar;

update client c set search_text = c.name_lower || chr(10) || coalesce(lower(c.email), '') || chr(10)
  || coalesce((select string_agg(lower(k.full_name) || chr(10) || coalesce(lower(k.email), ''), chr(10) order by k.id)
               from contact k where k.client_id = c.id), '');
