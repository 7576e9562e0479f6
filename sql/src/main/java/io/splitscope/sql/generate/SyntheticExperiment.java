package io.splitscope.sql.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * An experiment the generator simulates: its {@code experiments} and {@code variants} rows, who
 * takes part, when units are first exposed, and the effects planted in each arm.
 *
 * <p>Effects are multipliers that act only on events after a unit's first exposure, so the
 * pre-exposure behaviour of the arms is the same (CUPED's covariate is balanced).
 *
 * @param participation share of members exposed at least once
 * @param rampDays first exposures fall off like an exponential with this mean (days after the
 *     start date), truncated at the end date: most units arrive early, some in the last 28 days
 * @param unknownVariant a variant name the logs sometimes carry that is not one of the arms
 * @param loss a logging bug that loses some of one arm's units, or null for none
 */
record SyntheticExperiment(String id, String name, String hypothesis, String owner, LocalDate start,
        LocalDate end, List<Arm> arms, double participation, double rampDays, String unknownVariant, Loss loss) {

    /** An experiment whose log loses nobody. */
    SyntheticExperiment(String id, String name, String hypothesis, String owner, LocalDate start, LocalDate end,
            List<Arm> arms, double participation, double rampDays, String unknownVariant) {
        this(id, name, hypothesis, owner, start, end, arms, participation, rampDays, unknownVariant, null);
    }

    /**
     * A logging bug that plants a sample-ratio mismatch from a day on: of the units of arm
     * {@code arm} first exposed on or after {@code from}, a share {@code share} is never logged
     * (none of its rows reach the exposures table), so the days before pass the per-day check and
     * the days after fail it.
     */
    record Loss(String arm, LocalDate from, double share) {
    }

    /**
     * One variant and its planted effects (1 = none).
     *
     * @param plays multiplies the rate of playback sessions (so plays and streaming hours)
     * @param startup multiplies {@code startup_ms}
     * @param price multiplies the subscription amount
     * @param cancel multiplies the cancellation hazard
     */
    record Arm(String name, double weight, double plays, double startup, double price, double cancel) {

        static Arm control(String name, double weight) {
            return new Arm(name, weight, 1, 1, 1, 1);
        }
    }

    SyntheticExperiment {
        arms = List.copyOf(arms);
        double total = arms.stream().mapToDouble(Arm::weight).sum();
        if (Math.abs(total - 1) > 1e-9) {
            throw new IllegalArgumentException("weights of " + id + " sum to " + total + ", not 1");
        }
    }

    /**
     * The SQL condition under which a candidate of experiment {@code e} is exposed and logged: its
     * first exposure falls before {@code access_end}, and its arm and day are not hit by the {@link #loss}.
     */
    String loggedCondition(int e, Timeline history) {
        String active = "e" + e + "_first < access_end";
        if (loss == null) {
            return active;
        }
        int arm = arms.stream().map(Arm::name).toList().indexOf(loss.arm());
        if (arm < 0) {
            throw new IllegalArgumentException(id + ": the loss names arm '" + loss.arm() + "', which it does not have");
        }
        // a purpose of its own (tag + 8: Rollout uses tag .. tag + 7), so the other draws stay as they are
        return active + " AND NOT (e" + e + "_drawn_arm = " + arm + " AND e" + e + "_first >= " + history.second(loss.from())
                + " AND u01(k, " + (Rollout.tag(e) + 8) + ") < " + loss.share() + ")";
    }

    String control() {
        return arms.get(0).name();
    }

    /** The dirt of the streaming exposure logs: repeats, crossovers, early rows, an unknown variant. */
    private static final Rollout.Dirt DIRT = new Rollout.Dirt(1.2, 8, 21, 0.006, 0.012, 0.005, 0, 0, 0);

    /** How units are drawn into this experiment and logged. */
    Rollout rollout() {
        return new Rollout(id, arms.stream().map(Arm::name).toList(), arms.stream().mapToDouble(Arm::weight).toArray(),
                start, end, participation, rampDays, unknownVariant, DIRT);
    }

    /** The day from which the logging bug of {@code exp_search} loses a quarter of its {@code ranked} units. */
    static final LocalDate SEARCH_LOSS_FROM = LocalDate.of(2026, 4, 2);

    /** The experiments Splitscope's demo warehouse holds, mirroring {@code golden/streaming-small}. */
    static final List<SyntheticExperiment> STANDARD = List.of(
            new SyntheticExperiment("exp_autoplay", "Autoplay previews on the home page",
                    "Previews help members find something to watch", "ui-discovery",
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 14),
                    List.of(Arm.control("control", 0.5),
                            new Arm("previews", 0.5, 1.08, 0.95, 1, 1)),
                    0.60, 12, "previews_old"),
            new SyntheticExperiment("exp_price", "Subscription price test", null, "growth",
                    LocalDate.of(2026, 3, 5), LocalDate.of(2026, 4, 15),
                    List.of(Arm.control("control", 0.5),
                            new Arm("price_up_1", 0.25, 1, 1, 1.08, 1.35),
                            new Arm("price_up_2", 0.25, 1, 1, 1.16, 1.75)),
                    0.50, 14, "price_up_3"),
            // Significant before the multiple-testing correction and not after: a nudge that raises
            // payments by 2 %: at the demo's size revenue's raw p is 0.03, its adjusted p 0.1 (ten metrics).
            new SyntheticExperiment("exp_plan_nudge", "Annual plan nudge at checkout",
                    "A nudge towards the annual plan raises revenue", "growth",
                    LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 8),
                    List.of(Arm.control("control", 0.5),
                            new Arm("nudge", 0.5, 1, 1, 1.02, 1)),
                    0.30, 10, "nudge_v0"),
            // Launched on the demo's "today" (15 April 2026) and not exposed to anyone yet.
            new SyntheticExperiment("exp_onboarding", "Guided onboarding for new members",
                    "A guided first session helps new members find something to watch", "ui-discovery",
                    LocalDate.of(2026, 4, 15), LocalDate.of(2026, 5, 13),
                    List.of(Arm.control("control", 0.5),
                            new Arm("guided", 0.5, 1, 1, 1, 1)),
                    0, 7, "guided_v0"),
            // --- exp_search: a sample-ratio mismatch planted from 2 April on (the experiment page's health tab) ---
            new SyntheticExperiment("exp_search", "Search ranking",
                    "Ranking by predicted watch time makes search lead to more viewing", "search",
                    LocalDate.of(2026, 3, 20), LocalDate.of(2026, 4, 30),
                    List.of(Arm.control("control", 0.5), Arm.control("ranked", 0.5)),
                    0.50, 20, "ranked_v0", new Loss("ranked", SEARCH_LOSS_FROM, 0.25)));
}
