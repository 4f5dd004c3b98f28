-- Issue 22: instances keep the active API keys they have seen (security.ActiveKeys) and forget them all when told.
-- Any change to api_key (a key issued, revoked, or changed by hand) tells every listening instance when it commits.
-- PL/pgSQL between the jooq ignore markers: Flyway runs it, jOOQ's code generator skips it
-- [jooq ignore start]
create function notify_api_key_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('api_key_changed', '');
    return null;
end;
$$;

create trigger api_key_changed
    after insert or update or delete or truncate on api_key
    for each statement execute function notify_api_key_changed();
-- [jooq ignore stop]
