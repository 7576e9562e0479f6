package io.splitscope.sql.generate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment of the {@link ShopGenerator}: what its project-file entry declares, how units
 * are drawn into it and the effects planted in each arm.
 *
 * <p>Effects are multipliers (1 = none) that act only on visits after a unit's first exposure,
 * so the pre-exposure behaviour of the arms is the same.
 *
 * @param key the experiment's name in the assignment log ({@code experiment_name})
 * @param metrics the metrics the project file lists for it
 * @param success its success metrics ({@code spec/decisions.md})
 * @param guardrails its guardrail metrics and their non-inferiority margins, as the project file writes them
 */
record ShopExperiment(String id, String key, String title, String hypothesis, String owner, LocalDate start,
        LocalDate end, List<Arm> arms, double participation, double rampDays, String unknownVariant,
        List<String> metrics, List<String> success, Map<String, String> guardrails) {

    /**
     * One bucket and its planted effects.
     *
     * @param weight the declared share
     * @param drawWeight the share units are really drawn with (differs for a planted sample-ratio mismatch)
     * @param visits multiplies the rate of visits
     * @param browse multiplies the mean number of product pages a visit views
     * @param cart multiplies the chance that a visit puts something in the cart
     * @param purchase multiplies the chance that a checkout ends in an order
     * @param amount multiplies order amounts
     * @param refund multiplies the chance that a paid order is refunded
     */
    record Arm(String name, double weight, double drawWeight, double visits, double browse, double cart,
            double purchase, double amount, double refund) {

        static Arm control(String name, double weight) {
            return new Arm(name, weight, weight, 1, 1, 1, 1, 1, 1);
        }
    }

    /** Dirt of the assignment log: every kind, NULL buckets and exact duplicate rows included. */
    private static final Rollout.Dirt DIRT = new Rollout.Dirt(1.5, 8, 21, 0.008, 0.015, 0.006, 0.02, 0.004, 0.01);

    ShopExperiment {
        arms = List.copyOf(arms);
        metrics = List.copyOf(metrics);
        success = List.copyOf(success);
        guardrails = Collections.unmodifiableMap(new LinkedHashMap<>(guardrails));
        for (double total : new double[] {arms.stream().mapToDouble(Arm::weight).sum(), arms.stream().mapToDouble(Arm::drawWeight).sum()}) {
            if (Math.abs(total - 1) > 1e-9) {
                throw new IllegalArgumentException("weights of " + id + " sum to " + total + ", not 1");
            }
        }
    }

    String control() {
        return arms.get(0).name();
    }

    Rollout rollout() {
        return new Rollout(key, arms.stream().map(Arm::name).toList(), arms.stream().mapToDouble(Arm::drawWeight).toArray(),
                start, end, participation, rampDays, unknownVariant, DIRT);
    }

    /** The metrics every experiment lists, those of the R reference ({@code shop-reference/} in the tests). */
    private static final List<String> ALL_METRICS = List.of("conversion", "revenue", "orders_per_user", "refund_rate",
            "order_value_p50", "pages_viewed");

    /**
     * {@link #ALL_METRICS} and examples of the later metric types ({@code spec/metric-types.md}) that
     * fit the experiment; {@code new_checkout} keeps the first six, as the benchmark's floor
     * measures them.
     */
    private static List<String> allMetricsAnd(String... examples) {
        return java.util.stream.Stream.concat(ALL_METRICS.stream(), java.util.Arrays.stream(examples)).toList();
    }

    /**
     * The shop's refund rate may rise by at most a quarter in every experiment: about 6&nbsp;% of
     * paid orders are refunded, and at the demo's size (200,000 users) a quarter is what an
     * experiment can tell apart from no change.
     */
    private static final Map<String, String> REFUNDS_GUARDED = Map.of("refund_rate", "+25%");

    /**
     * The shop's experiments. Their decision plans and planted effects make the decision rule's
     * outcomes clear at the demo's size (200,000 users): {@code new_checkout} ships (conversion
     * up, refunds unchanged); in {@code free_shipping} the banner ships (revenue up) and the
     * threshold arm rolls back (its refunds, 1.6 times as many, are a guardrail deterioration);
     * {@code recommendations} is unhealthy (its planted sample-ratio mismatch).
     */
    static final List<ShopExperiment> STANDARD = List.of(
            new ShopExperiment("new_checkout", "checkout-redesign-2026", "One-page checkout",
                    "A single checkout page turns more checkouts into paid orders", "checkout-team",
                    LocalDate.of(2026, 5, 4), LocalDate.of(2026, 5, 31),
                    List.of(Arm.control("control", 0.5),
                            new Arm("new checkout", 0.5, 0.5, 1, 1, 1, 1.5, 1, 1)),
                    0.50, 9, "new_checkout", ALL_METRICS, List.of("conversion"), REFUNDS_GUARDED),
            new ShopExperiment("free_shipping", "free-shipping-banner", "Free-shipping banner",
                    "Announcing free shipping fills more carts; a threshold raises order values", "growth",
                    LocalDate.of(2026, 5, 11), LocalDate.of(2026, 6, 7),
                    List.of(Arm.control("control", 0.5),
                            new Arm("banner", 0.25, 0.25, 1, 1, 1.12, 1, 1, 1),
                            new Arm("free shipping over 50", 0.25, 0.25, 1, 1, 1.12, 1, 1.15, 1.6)),
                    0.40, 10, "Banner", allMetricsAnd("checkout_funnel"), List.of("revenue"), REFUNDS_GUARDED),
            new ShopExperiment("recommendations", "recs-v2", "Personalised recommendations",
                    "Recommendations on product pages make users browse more", "discovery",
                    LocalDate.of(2026, 5, 18), LocalDate.of(2026, 6, 14),
                    List.of(new Arm("control", 0.5, 0.58, 1, 1, 1, 1, 1, 1),
                            new Arm("personalised", 0.5, 0.42, 1.1, 1.4, 1, 1, 1, 1)),
                    0.50, 12, "personalized", allMetricsAnd("retention_d1", "retention_d7", "checkout_funnel"),
                    List.of("pages_viewed"), REFUNDS_GUARDED));
}
