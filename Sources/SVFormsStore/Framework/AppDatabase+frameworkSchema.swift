extension AppDatabase {
    /// Migration v9: the attendance register, actions, imported figures with their history, and
    /// published board reports. Days are ISO dates on the partnership's calendar; quarters are labels
    /// ("2025/26 Q3"). Text lengths are checked in Swift, which counts characters as people see them
    /// (SQLite's length() counts code points, so a limit here could refuse what the form accepted).
    static let frameworkSchema = """
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
        """
}
