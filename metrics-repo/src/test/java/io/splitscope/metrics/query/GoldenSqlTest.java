package io.splitscope.metrics.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.metrics.TinyWarehouse;
import io.splitscope.metrics.population.Population;
import io.splitscope.metrics.population.PopulationQuery;
import io.splitscope.sql.arrow.ArrowRows;
import io.splitscope.sql.dialect.Dialects;
import io.splitscope.stats.CovariateMoments;
import io.splitscope.stats.Moments;
import io.splitscope.stats.RatioMoments;
import io.splitscope.stats.arrow.UnitEventsReader;
import io.splitscope.stats.arrow.UnitEventsReader.ClusteredValues;
import io.splitscope.stats.arrow.MomentColumns;
import io.splitscope.stats.arrow.VariantStatistics;
import java.util.Map;
import java.util.stream.Stream;
import io.splitscope.metrics.population.DailyPopulation;
import io.splitscope.metrics.population.DailyPopulationQuery;
import java.time.LocalDate;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden SQL per dialect: each query of {@link GoldenSql}, rendered for DuckDB, PostgreSQL and
 * Trino, must equal its checked-in file under {@code src/test/resources/sql/DIALECT/}, and the
 * DuckDB files must give the tiny warehouse's hand-worked answers (the PostgreSQL files run in
 * GoldenSqlPostgresIT, the Trino files in GoldenSqlTrinoIT, each on a real server).
 *
 * <p>After an intended change to the builders, regenerate the files and review their diff:
 *
 * <pre>{@code
 * ./mvnw -pl metrics-repo test -Dtest=GoldenSqlTest -Dsplitscope.sql.regenerate=true
 * git diff metrics-repo/src/test/resources/sql
 * }</pre>
 */
class GoldenSqlTest {

    private static TinyWarehouse tiny;

    @BeforeAll
    static void open() {
        tiny = new TinyWarehouse();
    }

    @AfterAll
    static void close() {
        tiny.close();
    }

    static Stream<Arguments> everyQueryInEveryDialect() {
        return Dialects.SUPPORTED.stream().flatMap(dialect -> Stream.of(GoldenSql.values()).map(q -> Arguments.of(dialect, q)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyQueryInEveryDialect")
    void rendersTheCheckedInSql(SQLDialect dialect, GoldenSql query) {
        if (Boolean.getBoolean(GoldenSql.REGENERATE)) {
            query.write(dialect);
        }

        assertThat(query.render(dialect))
                .as("%s differs from the builders; if the change is intended, run the test with -D%s=true and review the diff",
                        query.file(dialect), GoldenSql.REGENERATE)
                .isEqualTo(query.checkedIn(dialect));
    }

    @Test
    void keepsTheDialectsDifferencesWhereTheyBelong() {
        String trinoCapped = GoldenSql.PLAYBACK_CAPPED.checkedIn(SQLDialect.TRINO);
        assertThat(trinoCapped).doesNotContain("percentile_cont", "within group").contains("array_sort(array_agg(");
        assertThat(GoldenSql.POPULATION.checkedIn(SQLDialect.TRINO)).doesNotContain("group by \"variant\"");
        for (SQLDialect dialect : Dialects.SUPPORTED) {
            // all metrics of a source in one scan of it, covariates included
            assertThat(GoldenSql.PLAYBACK_CUPED.checkedIn(dialect).split("\"playback\"", -1)).as(dialect.getName()).hasSize(2);
        }
    }

    @Test
    void theDuckDbFilesGiveThePopulationOfTheTinyWarehouse() {
        Population population = PopulationQuery.read(GoldenSql.EXPERIMENT, tiny.warehouse.query(
                GoldenSql.POPULATION.checkedInQuery(SQLDialect.DUCKDB), tiny.allocator, ArrowRows::read));

        assertThat(population.units()).containsExactly(Map.entry("control", 3L), Map.entry("treatment", 3L));
        assertThat(population.crossoverUnits()).isEqualTo(1);
        assertThat(population.invalidExposures()).isEqualTo(2);
    }

    /** The values of FusedMetricQueryTest, from the checked-in files. */
    @Test
    void theDuckDbFilesGiveTheMomentsOfTheTinyWarehouse() {
        VariantStatistics playback = duckDb(GoldenSql.PLAYBACK);
        VariantStatistics cuped = duckDb(GoldenSql.PLAYBACK_CUPED);

        assertThat(playback.moments("streaming_hours", "control")).isEqualTo(new Moments(3, 3.5, 6.25));
        assertThat(playback.moments("active_days", "control")).isEqualTo(new Moments(3, 3, 5));
        assertThat(playback.ratioMoments("rebuffer_rate", "control"))
                .isEqualTo(new RatioMoments(new Moments(3, 1, 1), new Moments(3, 3.5, 6.25), 1.5));
        assertThat(cuped.covariateMoments("streaming_hours", "control"))
                .isEqualTo(new CovariateMoments(new Moments(3, 3.5, 6.25), new Moments(3, 1, 1), 1.5));
        // No unit of exp_t has a complete 28-day window by 2026-03-11.
        assertThat(duckDb(GoldenSql.PAYMENTS).moments("revenue_per_member", "control")).isEqualTo(new Moments(0, 0, 0));
    }

    @Test
    void theDuckDbFilesCapAtThePooledPercentile() {
        // Complete units' hours: control 1.5, 2, 0; treatment 0.5. Pooled median of (0, 0.5, 1.5, 2): 1.
        VariantStatistics capped = duckDb(GoldenSql.PLAYBACK_CAPPED);

        assertThat(capped.moments("capped_hours", "control")).isEqualTo(new Moments(3, 2, 2));
        assertThat(capped.moments("capped_hours", "treatment")).isEqualTo(new Moments(1, 0.5, 0.25));
    }

    @Test
    void theDuckDbFilesFilterUnitsByAttributesAndCapBothTails() {
        // hand count: the German complete units 1 (1.5 h, DE × mobile) and 3 (2 h, DE × tv); type-7 pooled
        // p25 = 1.5 + 0.25 * 0.5 = 1.625, p75 = 1.5 + 0.75 * 0.5 = 1.875, so 1.5 -> 1.625 and 2 -> 1.875
        Map<String, VariantStatistics> bySegment = tiny.warehouse.query(
                GoldenSql.PLAYBACK_FILTERED_BY_TWO.checkedInQuery(SQLDialect.DUCKDB), tiny.allocator, VariantStatistics::readBySegment);

        assertThat(bySegment.get("DE × mobile").moments("german_hours", "control")).isEqualTo(new Moments(1, 1.625, 1.625 * 1.625));
        assertThat(bySegment.get("DE × tv").moments("german_hours", "control")).isEqualTo(new Moments(1, 1.875, 1.875 * 1.875));
        assertThat(bySegment.get("unknown × unknown").filteredOut("german_hours", "control")).isEqualTo(1);
        assertThat(bySegment.get("DE × tv").pooled(MomentColumns.capLower("german_hours"))).isEqualTo(1.625);
        assertThat(bySegment.get("DE × tv").pooled(MomentColumns.capUpper("german_hours"))).isEqualTo(1.875);
    }

    @Test
    void theDuckDbFilesGiveTheEventsAndTheSeriesOfTheTinyWarehouse() {
        Map<String, ClusteredValues> events = tiny.warehouse.query(GoldenSql.STARTUP_MS_EVENTS.checkedInQuery(SQLDialect.DUCKDB),
                tiny.allocator, UnitEventsReader::read);
        Map<String, VariantStatistics> series = tiny.warehouse.query(
                GoldenSql.STREAMING_HOURS_SERIES.checkedInQuery(SQLDialect.DUCKDB), tiny.allocator,
                reader -> VariantStatistics.readBySlice(reader, SeriesQuery.STEP));

        // Units 1 (1200, 1300), 3 (900), 9 (none); sorted by value within a unit.
        assertThat(events.get("control").unitOffsets()).containsExactly(0, 2, 3, 3);
        assertThat(events.get("control").values()).containsExactly(1200, 1300, 900);
        assertThat(series.get("3").moments("streaming_hours", "treatment")).isEqualTo(new Moments(2, 1.5, 1.25));
    }

    /** The days of DailyPopulationQueryTest (worked out by hand there), from the checked-in file. */
    @Test
    void theDuckDbFileGivesTheDaysOfTheTinyWarehouse() {
        List<DailyPopulation> days = DailyPopulationQuery.read(GoldenSql.EXPERIMENT, tiny.warehouse.query(
                GoldenSql.DAILY_POPULATION.checkedInQuery(SQLDialect.DUCKDB), tiny.allocator, ArrowRows::read));

        assertThat(days).extracting(d -> d.date().getDayOfMonth()).containsExactly(1, 2, 3, 4, 5, 6, 8);
        assertThat(days.get(1)).isEqualTo(new DailyPopulation(LocalDate.of(2026, 3, 2),
                Map.of("control", 0L, "treatment", 1L), 1, 1));
    }

    private static VariantStatistics duckDb(GoldenSql query) {
        return tiny.warehouse.query(query.checkedInQuery(SQLDialect.DUCKDB), tiny.allocator, VariantStatistics::read);
    }
}
