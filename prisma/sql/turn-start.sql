-- Applied after `prisma migrate deploy` by scripts/db-tools.ts (idempotent; Prisma's engine cannot
-- apply PL/pgSQL bodies).
-- The start of every conversational turn in one call (decision 0042): the private chat's lock,
-- the dedupe marker, the actor (a first contact's person and identity created), the person's
-- language settled, and the dialogue state read. A VOLATILE plpgsql function takes a fresh
-- snapshot for each statement inside it, so every read after the lock sees the previous
-- holder's commit (one plain statement's snapshot is taken before its lock wait).
CREATE OR REPLACE FUNCTION baiying_turn_start(
  p_channel "Channel",
  p_chat_key text,          -- the private chat's key; NULL for a group (no lock, no state)
  p_update_id text,
  p_external_id text,
  p_chat_id text,           -- a first contact's private chat
  p_name_enc text,          -- a first contact's name, encrypted (decision 0027)
  p_username text,
  p_client_locale text,     -- the chat app's language, NULL when it said none
  p_written_locale text     -- the language the text is clearly written in, NULL when none
) RETURNS TABLE (
  fresh boolean,
  "personId" text,
  "displayNameEnc" text,
  "displayNameClear" text,
  locale text,
  "localeSource" text,
  "oldLocale" text,
  "oldLocaleSource" text,
  "coordinatorUnitIds" text[],
  "volunteerStatus" text,
  "stationId" text,
  "teamIds" text[],
  "hasState" boolean,
  "dataEnc" text
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_chat_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('chat:' || p_channel::text || ':' || p_chat_key));
  END IF;
  INSERT INTO processed_update (channel, "updateId") VALUES (p_channel, p_update_id) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    fresh := false;
    RETURN NEXT;
    RETURN;
  END IF;
  fresh := true;

  SELECT p.id::text, p."displayNameEnc", p."displayName", p.locale, p."localeSource",
         ARRAY(SELECT r."orgUnitId"::text FROM role_assignment r WHERE r."personId" = p.id AND r.role = 'coordinator'),
         v.status::text, v."stationId"::text,
         ARRAY(SELECT m."teamId"::text FROM team_membership m WHERE m."volunteerId" = p.id AND m.status = 'approved')
    INTO "personId", "displayNameEnc", "displayNameClear", "oldLocale", "oldLocaleSource",
         "coordinatorUnitIds", "volunteerStatus", "stationId", "teamIds"
    FROM channel_identity i JOIN person p ON p.id = i."personId" LEFT JOIN volunteer v ON v."personId" = p.id
   WHERE i.channel = p_channel AND i."externalId" = p_external_id;
  IF "personId" IS NULL THEN
    -- Two first messages at once race here: the unique index refuses the second identity, which
    -- aborts its transaction; the ingress retries the event, which then finds the identity.
    INSERT INTO person (id, "displayNameEnc") VALUES (gen_random_uuid(), p_name_enc)
      RETURNING id::text, person."displayNameEnc", person."displayName", person.locale, person."localeSource"
      INTO "personId", "displayNameEnc", "displayNameClear", "oldLocale", "oldLocaleSource";
    INSERT INTO channel_identity (id, "personId", channel, "externalId", "chatId", username)
      VALUES (gen_random_uuid(), "personId"::uuid, p_channel, p_external_id, coalesce(p_chat_id, p_external_id), p_username);
    "coordinatorUnitIds" := '{}';
    "teamIds" := '{}';
  END IF;

  IF p_chat_key IS NOT NULL THEN
    SELECT s."dataEnc" INTO "dataEnc" FROM conversation_state s WHERE s.channel = p_channel AND s."chatKey" = p_chat_key;
    "hasState" := FOUND;
  ELSE
    "hasState" := false;
  END IF;

  -- The person's language (the rules of ConversationEngine.personLocale; a private chat only).
  locale := "oldLocale";
  "localeSource" := "oldLocaleSource";
  IF p_chat_key IS NOT NULL AND "localeSource" <> 'chosen' THEN
    IF "localeSource" = 'default' AND p_client_locale IS NOT NULL THEN
      locale := p_client_locale;
      "localeSource" := 'client';
    END IF;
    IF p_written_locale IS NOT NULL AND ("localeSource" = 'default' OR NOT "hasState") THEN
      locale := p_written_locale;
      "localeSource" := 'text';
    END IF;
    IF locale <> "oldLocale" OR "localeSource" <> "oldLocaleSource" THEN
      UPDATE person SET locale = baiying_turn_start.locale, "localeSource" = baiying_turn_start."localeSource" WHERE id = "personId"::uuid;
    END IF;
  END IF;
  RETURN NEXT;
END;
$$;
