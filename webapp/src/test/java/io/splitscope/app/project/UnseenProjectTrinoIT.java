package io.splitscope.app.project;

import io.splitscope.sql.trino.TrinoServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The unseen project gives the same experiments and scorecards on a real, throwaway single-node
 * Trino 476 (its memory catalog) as on the embedded DuckDB ({@link UnseenProjectOnAnEngine}).
 * Trino compares varchar by code point, as DuckDB does, so string unit ids come out of the
 * event-level query in DuckDB's order whatever their case (unlike PostgreSQL with a language
 * collation: see UnseenProjectPostgresIT).
 */
class UnseenProjectTrinoIT extends UnseenProjectOnAnEngine {

    @RegisterExtension
    static final TrinoServer TRINO = new TrinoServer();

    UnseenProjectTrinoIT() {
        super("jdbc:trino://127.0.0.1:", TRINO::createSchema, CsvFolderLoader::intoTrino);
    }
}
