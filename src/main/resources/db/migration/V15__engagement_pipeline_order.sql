-- The pipeline shows the first cards of each stage by due date: this index hands them over in that order (the id
-- breaks ties), so that a stage of a large firm is read up to its first hundred rows instead of being sorted whole.
drop index engagement_firm_stage;
create index engagement_firm_stage_due on engagement (firm_id, stage_id, due_date, id);
