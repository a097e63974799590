import GRDB

extension AppDatabase {
    /// Append-only: never edit a migration once it has shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: drafts and responses") { db in
            try db.execute(
                sql: """
                    CREATE TABLE server_secret (
                        name TEXT PRIMARY KEY NOT NULL,
                        value BLOB NOT NULL CHECK (length(value) >= 32)
                    );
                    -- Answers in progress, keyed by the SHA-256 of the respondent's cookie token.
                    CREATE TABLE draft (
                        respondent_key BLOB NOT NULL CHECK (length(respondent_key) = 32),
                        form_id TEXT NOT NULL,
                        form_version INTEGER NOT NULL CHECK (form_version >= 1),
                        state TEXT NOT NULL CHECK (json_valid(state)),
                        updated_at TEXT NOT NULL,
                        PRIMARY KEY (respondent_key, form_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE response (
                        id INTEGER PRIMARY KEY,
                        reference TEXT NOT NULL UNIQUE CHECK (length(reference) = 8),
                        form_id TEXT NOT NULL,
                        form_version INTEGER NOT NULL CHECK (form_version >= 1),
                        submitted_at TEXT NOT NULL
                    );
                    CREATE INDEX response_by_form ON response (form_id, submitted_at);
                    CREATE TABLE answer (
                        response_id INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
                        question_id TEXT NOT NULL,
                        position INTEGER NOT NULL CHECK (position >= 0),
                        value TEXT NOT NULL,
                        PRIMARY KEY (response_id, question_id, position)
                    ) WITHOUT ROWID;
                    CREATE INDEX answer_by_question ON answer (question_id, value);
                    """)
        }
        migrator.registerMigration("v2: accounts, sessions and the audit log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE account (
                        id INTEGER PRIMARY KEY,
                        email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'lead', 'viewer')),
                        created_at TEXT NOT NULL,
                        disabled_at TEXT
                    );
                    -- Signed-in sessions, keyed by the SHA-256 of the cookie token.
                    CREATE TABLE session (
                        token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
                        account_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
                        created_at TEXT NOT NULL,
                        last_seen_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX session_by_account ON session (account_id);
                    -- The one-time link that creates the first admin.
                    CREATE TABLE setup_token (
                        token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
                        expires_at TEXT NOT NULL,
                        used_at TEXT
                    ) WITHOUT ROWID;
                    CREATE TABLE audit_event (
                        id INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT,
                        row_count INTEGER,
                        client TEXT
                    );
                    CREATE INDEX audit_event_by_time ON audit_event (at);
                    """)
        }
        migrator.registerMigration("v3: drafts by form and time") { db in
            try db.execute(sql: "CREATE INDEX draft_by_form ON draft (form_id, updated_at)")
        }
        migrator.registerMigration("v4: outbox, survey rounds, invitations, notifications") { db in
            try db.execute(
                sql: """
                    -- Every email, written in the same transaction as the event that causes it.
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY,
                        message_id TEXT NOT NULL UNIQUE,
                        kind TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        message BLOB NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
                        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                        next_attempt_at TEXT NOT NULL,
                        last_error TEXT,
                        created_at TEXT NOT NULL,
                        sent_at TEXT
                    );
                    CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
                    CREATE TABLE survey_round (
                        id INTEGER PRIMARY KEY,
                        form_id TEXT NOT NULL,
                        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
                        opens_on TEXT NOT NULL,
                        closes_on TEXT NOT NULL,
                        reminder_days_before INTEGER CHECK (reminder_days_before BETWEEN 1 AND 60),
                        automatic_reminder_queued_at TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        CHECK (closes_on >= opens_on)
                    );
                    CREATE TABLE representative (
                        id INTEGER PRIMARY KEY,
                        round_id INTEGER NOT NULL REFERENCES survey_round (id) ON DELETE CASCADE,
                        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
                        email TEXT NOT NULL COLLATE NOCASE,
                        organisation_id TEXT NOT NULL,
                        -- The key of this person's draft: random, so it says nothing about them.
                        draft_key BLOB NOT NULL UNIQUE CHECK (length(draft_key) = 32),
                        invited_at TEXT,
                        reminded_at TEXT,
                        submitted_at TEXT,
                        response_reference TEXT,
                        UNIQUE (round_id, email)
                    );
                    CREATE INDEX representative_by_round ON representative (round_id, organisation_id);
                    -- Personal links, by the SHA-256 of their token; every invitation or reminder mints one.
                    CREATE TABLE invitation_token (
                        token_hash BLOB PRIMARY KEY NOT NULL CHECK (length(token_hash) = 32),
                        representative_id INTEGER NOT NULL REFERENCES representative (id) ON DELETE CASCADE,
                        created_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    ALTER TABLE account ADD COLUMN notify_submissions INTEGER NOT NULL DEFAULT 0;
                    ALTER TABLE account ADD COLUMN notify_digest INTEGER NOT NULL DEFAULT 0;
                    -- Scheduled jobs done, so a restart never repeats one (e.g. "digest 2026-11-21").
                    CREATE TABLE job_run (
                        name TEXT PRIMARY KEY NOT NULL,
                        ran_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v5: outbox expiry by age") { db in
            // Undelivered mail is retried until it is five days old rather than for a number of
            // attempts, so a mail server down over a weekend loses nothing.
            try db.execute(
                sql: """
                    ALTER TABLE outbox ADD COLUMN expires_at TEXT NOT NULL DEFAULT '';
                    UPDATE outbox SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+5 days');
                    """)
        }
        migrator.registerMigration("v6: community voices") { db in
            try db.execute(
                sql: """
                    -- A response to a questionnaire with a voices block: its place in the review. No client
                    -- address or other identifier of the sender is stored, here or anywhere.
                    CREATE TABLE voice (
                        response_id INTEGER PRIMARY KEY REFERENCES response (id) ON DELETE CASCADE,
                        form_id TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('new', 'reviewed', 'actioned', 'quarantined')),
                        quarantine_reason TEXT,
                        possible_duplicate INTEGER NOT NULL DEFAULT 0,
                        contact_deleted_at TEXT,
                        text_deleted_at TEXT,
                        changed_at TEXT,
                        changed_by TEXT
                    );
                    CREATE INDEX voice_by_form ON voice (form_id, status);
                    CREATE TABLE voice_theme (
                        response_id INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
                        theme TEXT NOT NULL,
                        PRIMARY KEY (response_id, theme)
                    ) WITHOUT ROWID;
                    CREATE INDEX voice_theme_by_theme ON voice_theme (theme, response_id);
                    -- What every count, chart, digest and download reads: quarantined voices are left out
                    -- until a lead releases them.
                    CREATE VIEW reported_response AS
                        SELECT * FROM response
                        WHERE id NOT IN (SELECT response_id FROM voice WHERE status = 'quarantined');
                    """)
        }
        migrator.registerMigration("v7: readiness probe") { db in
            try db.execute(
                sql: """
                    -- One row that /readyz rewrites, proving the database still takes a durable write.
                    CREATE TABLE readiness_probe (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        checked_at TEXT NOT NULL
                    );
                    """)
        }
        // Ratings counted ahead per month (AppDatabase+ratingTally.swift says how the tally is kept true).
        migrator.registerMigration("v8: rating tally") { db in
            try db.execute(
                sql: """
                    CREATE TABLE rating_tally (
                        form_id TEXT NOT NULL,
                        question_id TEXT NOT NULL,
                        month TEXT NOT NULL,            -- 'YYYY-MM' of submitted_at, which is UTC
                        organisation_id TEXT NOT NULL,  -- '' when the response names no organisation
                        value TEXT NOT NULL,
                        count INTEGER NOT NULL CHECK (count > 0),
                        PRIMARY KEY (form_id, question_id, month, organisation_id, value)
                    ) WITHOUT ROWID;
                    CREATE TABLE rating_tally_source (
                        form_id TEXT PRIMARY KEY NOT NULL,
                        questions TEXT NOT NULL,          -- what was counted: see TallySource.questions
                        counted_through INTEGER NOT NULL  -- responses with a higher id are not in the tally yet
                    );
                    -- Response ids are not AUTOINCREMENT: once the newest is deleted its id is given out again, so
                    -- every tally counting through it (whatever its form) would take the next response as counted.
                    CREATE TRIGGER rating_tally_forget_deleted_response AFTER DELETE ON response
                        BEGIN DELETE FROM rating_tally_source WHERE form_id = OLD.form_id OR counted_through >= OLD.id; END;
                    CREATE TRIGGER rating_tally_forget_changed_response AFTER UPDATE ON response
                        BEGIN DELETE FROM rating_tally_source WHERE form_id IN (OLD.form_id, NEW.form_id); END;
                    CREATE TRIGGER rating_tally_forget_deleted_answer AFTER DELETE ON answer
                        BEGIN DELETE FROM rating_tally_source WHERE form_id = (SELECT form_id FROM response WHERE id = OLD.response_id); END;
                    CREATE TRIGGER rating_tally_forget_changed_answer AFTER UPDATE ON answer
                        BEGIN DELETE FROM rating_tally_source WHERE form_id = (SELECT form_id FROM response WHERE id = OLD.response_id); END;
                    CREATE TRIGGER rating_tally_forget_voice_status AFTER UPDATE OF status ON voice
                        BEGIN DELETE FROM rating_tally_source WHERE form_id = OLD.form_id; END;
                    """)
        }
        // The attendance register, actions, imported figures with their history, and published board
        // reports. Days are ISO dates on the partnership's calendar; quarters are labels ("2025/26 Q3").
        // Text lengths are checked in Swift, which counts characters as people see them (SQLite's
        // length() counts code points, so a limit here could refuse what the form accepted).
        migrator.registerMigration("v9: quarterly performance framework") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meeting (
                        id INTEGER PRIMARY KEY,
                        body_id TEXT NOT NULL CHECK (length(body_id) BETWEEN 1 AND 100),
                        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                        note TEXT NOT NULL DEFAULT '',
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        changed_at TEXT NOT NULL,
                        changed_by TEXT NOT NULL
                    );
                    CREATE INDEX meeting_by_day ON meeting (held_on);
                    -- Organisations, never people: the register is published.
                    CREATE TABLE meeting_attendance (
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        organisation_id TEXT NOT NULL,
                        PRIMARY KEY (meeting_id, organisation_id)
                    ) WITHOUT ROWID;
                    CREATE TABLE meeting_action (
                        id INTEGER PRIMARY KEY,
                        meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
                        description TEXT NOT NULL CHECK (description <> ''),
                        owner_id TEXT NOT NULL,
                        due_on TEXT CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                        status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
                        changed_at TEXT NOT NULL,
                        changed_by TEXT NOT NULL
                    );
                    CREATE INDEX meeting_action_by_meeting ON meeting_action (meeting_id);
                    -- Every figure ever entered: the newest per measure and quarter is the current one, the
                    -- rest are its history. Rows are never changed or deleted.
                    CREATE TABLE imported_figure (
                        id INTEGER PRIMARY KEY,
                        measure_id TEXT NOT NULL,
                        quarter TEXT NOT NULL,
                        value_tenths INTEGER NOT NULL,
                        source TEXT NOT NULL CHECK (source <> ''),
                        note TEXT NOT NULL DEFAULT '',
                        entered_at TEXT NOT NULL,
                        entered_by TEXT NOT NULL
                    );
                    CREATE INDEX imported_figure_by_measure ON imported_figure (measure_id, quarter, id);
                    CREATE TRIGGER imported_figure_is_kept_on_update BEFORE UPDATE ON imported_figure
                        BEGIN SELECT RAISE(ABORT, 'imported figures are history: add a new one instead'); END;
                    CREATE TRIGGER imported_figure_is_kept_on_delete BEFORE DELETE ON imported_figure
                        BEGIN SELECT RAISE(ABORT, 'imported figures are history: add a new one instead'); END;
                    -- What the public page shows: a snapshot of aggregates taken when a lead published it.
                    CREATE TABLE published_report (
                        quarter TEXT PRIMARY KEY NOT NULL,
                        content TEXT NOT NULL CHECK (json_valid(content)),
                        published_at TEXT NOT NULL,
                        published_by TEXT NOT NULL
                    );
                    """)
        }
        migrator.registerMigration("v10: throttles, journeys and public-link responses") { db in
            try db.execute(
                sql: """
                    -- Attempts (signing in, opening a personal link) counted by the throttles, by the SHA-256 of what
                    -- they are counted under, so a restart forgets no limit. Kept only as long as the longest window.
                    CREATE TABLE attempt (
                        id INTEGER PRIMARY KEY,
                        key BLOB NOT NULL CHECK (length(key) = 32),
                        at TEXT NOT NULL
                    );
                    CREATE INDEX attempt_by_key ON attempt (key, at);
                    -- When a throttle's refusal under a key was last audited: each lockout is audited once.
                    CREATE TABLE attempt_refusal (
                        key BLOB PRIMARY KEY NOT NULL CHECK (length(key) = 32),
                        at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    -- Open-link journeys already submitted, by the id their page stamps carry: a stamp times
                    -- one journey only. Kept a day, as long as a stamp is believed.
                    CREATE TABLE spent_journey (
                        journey TEXT PRIMARY KEY NOT NULL CHECK (length(journey) BETWEEN 16 AND 64),
                        spent_at TEXT NOT NULL
                    ) WITHOUT ROWID;
                    -- Responses to an invited questionnaire that came through its public link instead of an
                    -- invitation: screened like voices, and left out of every figure until a lead accepts them.
                    CREATE TABLE link_response (
                        response_id INTEGER PRIMARY KEY REFERENCES response (id) ON DELETE CASCADE,
                        form_id TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('waiting', 'accepted')),
                        screening TEXT,
                        accepted_at TEXT,
                        accepted_by TEXT
                    );
                    CREATE INDEX link_response_by_form ON link_response (form_id, status);
                    DROP VIEW reported_response;
                    CREATE VIEW reported_response AS
                        SELECT * FROM response
                        WHERE id NOT IN (SELECT response_id FROM voice WHERE status = 'quarantined')
                            AND id NOT IN (SELECT response_id FROM link_response WHERE status <> 'accepted');
                    CREATE TRIGGER rating_tally_forget_link_response_status AFTER UPDATE OF status ON link_response
                        BEGIN DELETE FROM rating_tally_source WHERE form_id = OLD.form_id; END;
                    """)
        }
        migrator.registerMigration("v11: rounds a lead can run") { db in
            try db.execute(
                sql: """
                    -- How many reminders each person was sent (reminded_at is the last), so a lead sees who was
                    -- chased and the round's reminder never doubles one sent in the last day.
                    ALTER TABLE representative ADD COLUMN reminder_count INTEGER NOT NULL DEFAULT 0;
                    UPDATE representative SET reminder_count = 1 WHERE reminded_at IS NOT NULL;
                    -- A round closed before its closing date; reopening clears it.
                    ALTER TABLE survey_round ADD COLUMN closed_at TEXT;
                    """)
        }
        return migrator
    }
}
