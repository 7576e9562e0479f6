package io.splitscope.metrics;

import org.jooq.impl.DSL;

/**
 * Unit attributes of the tiny warehouse's units (its members.csv knows unit 1 only), as a VALUES
 * table every engine reads: unit 1 DE mobile, 3 DE tv, 2 FR mobile, 6 DE with no device; units 9
 * and 7 have no row.
 */
public final class TinyAttributes {

    public static final Source ATTRIBUTES = Source.sql("attributes", "select * from (values (1, 'DE', 'mobile'),"
            + " (3, 'DE', 'tv'), (2, 'FR', 'mobile'), (6, 'DE', cast(null as varchar))) as t (unit_id, country, device)")
            .unit("unit_id");
    public static final Dimension COUNTRY = new Dimension("country", ATTRIBUTES, "country");
    public static final Dimension DEVICE = new Dimension("device", ATTRIBUTES, "device");
    /** Country is DE (a unit without a row fails). */
    public static final UnitFilter GERMANY = new UnitFilter("country = 'DE'", COUNTRY.attribute().eq(DSL.inline("DE")),
            java.util.List.of(COUNTRY));

    private TinyAttributes() {
    }
}
