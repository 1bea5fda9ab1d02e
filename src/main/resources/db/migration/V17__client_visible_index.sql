-- Someone who sees only their assigned clients: the list looks up each of them by id for its firm, status and name
-- (1,400 look-ups for a preparer of the benchmark's large firm) to count and order them. With these columns in the
-- index, each look-up stays in the index (PostgreSQL's index-only scan): 5 ms instead of 9 for the list.
create index client_visible on client (id, firm_id, status, name_lower);
