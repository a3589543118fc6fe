-- Module streams have lives of their own: after its end-of-life date a stream takes no new update (its feeds stay).
-- Retiring a stream ends its life on that day.
alter table module_stream add column eol date;
