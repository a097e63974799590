import GRDB

extension AppDatabase {
    /// Append-only: never edit a migration once it has shipped; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: drafts and responses") { db in
            try db.execute(sql: """
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
            try db.execute(sql: """
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
        return migrator
    }
}
