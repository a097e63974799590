/* SQLite's own limits on this disk with svforms' settings (WAL, synchronous=FULL,
 * secure_delete, foreign keys): single-row commits per second and rows per second in
 * transactions of 100 rows. Usage: sqlite_limits DATABASE SECONDS; prints one JSON line. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void must(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

/* Inserts rows in transactions of `batch` for `seconds`; returns rows per second. */
static double rows_per_second(sqlite3 *db, sqlite3_stmt *insert, int batch, double seconds) {
    long rows = 0;
    double start = now();
    while (now() - start < seconds) {
        must(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
        for (int i = 0; i < batch; i++) {
            sqlite3_bind_int64(insert, 1, rows + i);
            must(sqlite3_step(insert), db, "insert");
            sqlite3_reset(insert);
        }
        must(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
        rows += batch;
    }
    return rows / (now() - start);
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s DATABASE SECONDS\n", argv[0]);
        return 2;
    }
    sqlite3 *db;
    double seconds = atof(argv[2]);
    must(sqlite3_open(argv[1], &db), db, "open");
    must(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;"
                          "PRAGMA foreign_keys=ON; CREATE TABLE IF NOT EXISTS t (k INTEGER, v TEXT NOT NULL)",
                      0, 0, 0), db, "settings");
    sqlite3_stmt *insert;
    must(sqlite3_prepare_v2(db, "INSERT INTO t (k, v) VALUES (?, 'good')", -1, &insert, 0), db, "prepare");
    double single = rows_per_second(db, insert, 1, seconds);
    double batched = rows_per_second(db, insert, 100, seconds);
    printf("{\"single_row_commits_per_s\": %.0f, \"batch_100_rows_per_s\": %.0f}\n", single, batched);
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return 0;
}
