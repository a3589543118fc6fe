-- People who sign in with the distribution's OpenID Connect provider: their account is linked to the provider's
-- subject (the "sub" claim, stable for a person, unlike a user name) and has no local password.
alter table paddock_user add column oidc_subject varchar(255);
alter table paddock_user add constraint paddock_user_oidc_subject_unique unique (oidc_subject);
alter table paddock_user alter column password_hash drop not null;
alter table paddock_user add constraint paddock_user_password_or_provider
    check (password_hash is not null or oidc_subject is not null);
