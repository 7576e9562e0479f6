package io.splitscope.stats.methods;

import io.splitscope.stats.ComparisonMethod;
import io.splitscope.stats.ComparisonResult;
import io.splitscope.stats.ConfidenceLevel;
import io.splitscope.stats.Degenerate;
import io.splitscope.stats.Interval;
import io.splitscope.stats.MethodDescription;
import io.splitscope.stats.QuantileSample;
import io.splitscope.stats.ResultStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The unit-level bootstrap of a difference in percentiles — stat method
 * {@code bootstrap_quantile}, for quantile metrics (spec/metrics.md, "The statistics contract").
 *
 * <h2>Estimates</h2>
 * The control and treatment values are the exact percentiles {@code qc}, {@code qt} of all events
 * of each variant's units, R's {@code quantile(type = 7)}; {@code d = qt − qc}, {@code r = d / qc}.
 *
 * <h2>Inference</h2>
 * {@value #DEFAULT_REPLICATES} bootstrap replicates (the registered instance; at least 1,000): each
 * replicate draws, within each variant independently, as many units as the variant has, uniformly
 * with replacement (a multinomial draw of unit counts {@code w_u}); a drawn unit brings all its
 * events, so that the replicate's percentile is the type-7 percentile of the multiset in which each
 * event of unit u appears {@code w_u} times. With {@code d*} the replicates' differences
 * {@code q*t − q*c} and {@code r* = d* / q*c}:
 * <pre>
 *   absolute CI = [quantile(d*, α/2), quantile(d*, 1 − α/2)]        (type 7: percentile interval, level 1 − α)
 *   relative CI = [quantile(r*, α/2), quantile(r*, 1 − α/2)]        (replicates with q*c ≠ 0)
 *   p-value     = min(1, 2 · min(#{d* ≤ 0}, #{d* ≥ 0}) / B)
 * </pre>
 * The relative interval is computed (the golden scorecards leave it null; a percentile interval
 * of the ratio needs no extra assumption). A replicate in which a variant draws only units without
 * events has no percentile and is left out (B counts the others).
 *
 * <h2>Reproducible, parallel, fast</h2>
 * Replicate b draws from a {@link SplittableRandom} seeded with a mix of ({@code seed}, b), so the
 * result depends on the seed only, never on the number of threads; replicates run in parallel on
 * the common {@link ForkJoinPool} (all cores). Each replicate costs O(units) plus a short walk:
 * <ol>
 *   <li>once per variant, a band of the sorted events around the percentile is selected
 *       ({@value #BAND_SDS} bootstrap standard deviations of its rank either side, estimated from
 *       the units' counts of events below the percentile, plus {@value #BAND_SLACK} events), and each
 *       unit's count of events below the band is kept;</li>
 *   <li>per replicate, the weighted count of events below the band and in total is an O(units) sum,
 *       and the replicate's order statistics are found by walking the band's events (sorted, with
 *       their unit) adding unit weights;</li>
 *   <li>should a replicate's percentile fall outside the band (practically never at 10 SDs), it is
 *       computed exactly on the whole sorted sample, built then.</li>
 * </ol>
 * Samples of up to {@value #FULL_BAND_EVENTS} events use the whole sample as the band.
 *
 * <p>Several percentiles of the same events (a scorecard's p50 and p90 of {@code startup_ms}) can
 * be compared in one go with {@link #compareLevels}: each replicate draws its unit counts once
 * and reads every percentile off them. They are the very draws that separate calls make
 * (replicate b's random stream depends on the seed and b only), so the results are identical to
 * {@link #compare} level by level, without drawing again for each level.
 *
 * <p>Degenerate data: see {@code QuantileVariant.degenerate} — NON_FINITE, EMPTY_ARM (no units, or
 * no events), TOO_FEW_UNITS (a single unit), ZERO_VARIANCE (one value throughout both variants);
 * ZERO_BASELINE when {@code qc = 0}; TOO_FEW_UNITS as well when fewer than half the replicates
 * have a percentile in both variants.
 *
 * <p>References: B. Efron, R. J. Tibshirani (1993), <i>An Introduction to the Bootstrap</i>,
 * chapter 13 (percentile intervals) and 16 (bootstrap tests); A. Deng, J. Lu, J. Litz (2017),
 * "Trustworthy Analysis of Online A/B Tests: Pitfalls, Challenges and Solutions", <i>WSDM 2017</i>
 * (resample the randomisation unit, not the event); N. Chamandy et al. (2012), "Estimating
 * Uncertainty for Massive Data Streams", Google technical report.
 */
public final class BootstrapQuantile implements ComparisonMethod<QuantileSample> {

    /** The stable id, {@value}. */
    public static final String ID = "bootstrap_quantile";

    /** The number of replicates of the registered instance. */
    public static final int DEFAULT_REPLICATES = 1000;

    /** The fixed seed of the registered instance. */
    public static final long DEFAULT_SEED = 0x5_9117_5C0BEL;

    /** Half-width of the band, in estimated bootstrap standard deviations of the percentile's rank. */
    static final double BAND_SDS = 10;

    /** Events added to the band's half-width. */
    static final int BAND_SLACK = 1000;

    /** Up to this many events, the band is the whole sample. */
    static final int FULL_BAND_EVENTS = 200_000;

    private final int replicates;
    private final long seed;

    /** The registered instance: {@value #DEFAULT_REPLICATES} replicates, seed {@link #DEFAULT_SEED}. */
    public BootstrapQuantile() {
        this(DEFAULT_REPLICATES, DEFAULT_SEED);
    }

    /**
     * @param replicates the number of bootstrap replicates, at least 1,000
     * @param seed       the seed; the result depends on it only
     */
    public BootstrapQuantile(int replicates, long seed) {
        if (replicates < 1000) {
            throw new IllegalArgumentException("the bootstrap needs at least 1000 replicates, got " + replicates);
        }
        this.replicates = replicates;
        this.seed = seed;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Bootstrap of a percentile difference";
    }

    @Override
    public MethodDescription description() {
        return new MethodDescription(
                "Resamples units (with all their rows) many times and recomputes the percentile each time;"
                        + " the spread of those differences is the interval.",
                """
                q = the type-7 percentile of all events of the variant's units
                d = qt − qc,   r = d / qc
                B replicates: draw units with replacement within each variant, recompute d*, r*
                CI   = [quantile(d*, α/2), quantile(d*, 1 − α/2)]   (likewise r*; level 1 − α)
                p    = min(1, 2 · min(#{d* ≤ 0}, #{d* ≥ 0}) / B)""",
                "B. Efron, R. Tibshirani (1993), An Introduction to the Bootstrap, ch. 13 and 16; Deng, Lu & Litz (2017), WSDM.");
    }

    @Override
    public Class<QuantileSample> inputType() {
        return QuantileSample.class;
    }

    @Override
    public ComparisonResult compare(QuantileSample control, QuantileSample treatment, ConfidenceLevel level) {
        return QuantileVariant.compare(control, treatment, level, (c, t) -> result(c, t, replicates(c, t), level));
    }

    /**
     * Compares several percentiles of the same events at once: {@code controls.get(i)} with
     * {@code treatments.get(i)}, where all controls hold the same events (the same arrays, different
     * levels), and so do all treatments; intervals at confidence level {@code level}. Gives exactly
     * what {@link #compare(QuantileSample, QuantileSample, ConfidenceLevel)} gives pair by pair,
     * drawing each replicate's units once for all levels.
     *
     * @throws IllegalArgumentException when the lists differ in size or the samples do not share
     *                                  their arrays
     */
    public List<ComparisonResult> compareLevels(List<QuantileSample> controls, List<QuantileSample> treatments,
            ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        if (controls.size() != treatments.size() || controls.isEmpty()) {
            throw new IllegalArgumentException("give one treatment per control, and at least one: "
                    + controls.size() + " controls, " + treatments.size() + " treatments");
        }
        for (int i = 0; i < controls.size(); i++) {
            QuantileVariant.checkSameLevel(controls.get(i), treatments.get(i));
            if (!sameEvents(controls.getFirst(), controls.get(i)) || !sameEvents(treatments.getFirst(), treatments.get(i))) {
                throw new IllegalArgumentException("compareLevels needs samples of the same events (the same arrays)");
            }
        }
        ComparisonResult[] results = new ComparisonResult[controls.size()];
        List<Integer> drawn = new ArrayList<>();
        List<QuantileVariant> cs = new ArrayList<>();
        List<QuantileVariant> ts = new ArrayList<>();
        // one working copy of each variant's events for all levels
        QuantileVariant firstControl = QuantileVariant.of(controls.getFirst());
        QuantileVariant firstTreatment = QuantileVariant.of(treatments.getFirst());
        for (int i = 0; i < controls.size(); i++) {
            QuantileVariant c = i == 0 ? firstControl : firstControl.atLevel(controls.get(i));
            QuantileVariant t = i == 0 ? firstTreatment : firstTreatment.atLevel(treatments.get(i));
            ComparisonResult degenerate = QuantileVariant.degenerate(c, t);
            if (degenerate != null) {
                results[i] = degenerate;
            } else {
                drawn.add(i);
                cs.add(c);
                ts.add(t);
            }
        }
        if (!drawn.isEmpty()) {
            List<Replicates> reps = replicates(cs, ts);
            for (int k = 0; k < drawn.size(); k++) {
                results[drawn.get(k)] = result(cs.get(k), ts.get(k), reps.get(k), level);
            }
        }
        return List.of(results);
    }

    /** The percentile interval of the first {@code n} sorted replicates: their α/2 and 1 − α/2 quantiles. */
    private static Interval percentileInterval(double[] sorted, int n, ConfidenceLevel level) {
        return new Interval(Selection.type7Sorted(sorted, n, level.lowerProbability()),
                Selection.type7Sorted(sorted, n, level.upperProbability()));
    }

    private static boolean sameEvents(QuantileSample a, QuantileSample b) {
        return a.values() == b.values() && a.unitOffsets() == b.unitOffsets();
    }

    /** The comparison from the replicates' percentiles, percentile intervals at {@code level}. */
    private ComparisonResult result(QuantileVariant c, QuantileVariant t, Replicates reps, ConfidenceLevel level) {
        double qc = c.quantile;
        double qt = t.quantile;
        double d = qt - qc;
        int valid = 0;
        double[] diffs = new double[replicates];
        double[] rels = new double[replicates];
        int relCount = 0;
        int atMostZero = 0;
        int atLeastZero = 0;
        for (int b = 0; b < replicates; b++) {
            double qcb = reps.control[b];
            double qtb = reps.treatment[b];
            if (Double.isNaN(qcb) || Double.isNaN(qtb)) {
                continue;
            }
            double db = qtb - qcb;
            diffs[valid++] = db;
            if (db <= 0) {
                atMostZero++;
            }
            if (db >= 0) {
                atLeastZero++;
            }
            if (qcb != 0) {
                rels[relCount++] = db / qcb;
            }
        }
        Double r = qc != 0 ? d / qc : null;
        if (valid < replicates / 2) {
            return Degenerate.effectsOnly(ResultStatus.TOO_FEW_UNITS, "Only " + valid + " of " + replicates
                    + " bootstrap replicates drew units with values in both variants; too few units have values.",
                    qc, qt, d, r);
        }
        Arrays.sort(diffs, 0, valid);
        Interval absoluteCi = percentileInterval(diffs, valid, level);
        double p = Math.min(1.0, 2.0 * Math.min(atMostZero, atLeastZero) / valid);
        var result = ComparisonResult.builder().values(qc, qt).absolute(d, absoluteCi).pValue(p);
        if (qc == 0) {
            return Degenerate.zeroBaseline(result, "control's percentile");
        }
        Interval relativeCi = null;
        if (relCount >= valid / 2) {
            Arrays.sort(rels, 0, relCount);
            relativeCi = percentileInterval(rels, relCount, level);
        }
        return result.relative(r, relativeCi).ok();
    }

    /** The replicates' percentiles per variant (NaN where a replicate drew no event). */
    record Replicates(double[] control, double[] treatment) {
    }

    /** Runs the replicates in parallel; deterministic for a given seed. */
    Replicates replicates(QuantileVariant c, QuantileVariant t) {
        return replicates(List.of(c), List.of(t)).getFirst();
    }

    /**
     * The replicates of several levels of the same events: each replicate draws the control's and
     * then the treatment's unit counts once (the same random stream as for one level), sums the
     * drawn events once, and reads every level's percentile off them. The levels' resamplers share
     * each variant's {@link Events}.
     */
    List<Replicates> replicates(List<QuantileVariant> cs, List<QuantileVariant> ts) {
        int levels = cs.size();
        Events ec = new Events(cs.getFirst());
        Events et = new Events(ts.getFirst());
        Resampler[] rc = new Resampler[levels];
        Resampler[] rt = new Resampler[levels];
        double[][] qc = new double[levels][replicates];
        double[][] qt = new double[levels][replicates];
        for (int l = 0; l < levels; l++) {
            rc[l] = new Resampler(cs.get(l), ec);
            rt[l] = new Resampler(ts.get(l), et);
        }
        int controlUnits = cs.getFirst().units;
        int treatmentUnits = ts.getFirst().units;
        int parallelism = ForkJoinPool.getCommonPoolParallelism() + 1;
        int chunks = Math.max(1, Math.min(replicates, 4 * parallelism));
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int[] wc = new int[controlUnits];
            int[] wt = new int[treatmentUnits];
            for (int b = chunk; b < replicates; b += chunks) {
                SplittableRandom random = new SplittableRandom(mix(seed, b));
                Resampler.draw(random, wc);
                long totalC = Band.total(wc, ec.counts);
                for (int l = 0; l < levels; l++) {
                    qc[l][b] = rc[l].percentile(wc, totalC);
                }
                Resampler.draw(random, wt);
                long totalT = Band.total(wt, et.counts);
                for (int l = 0; l < levels; l++) {
                    qt[l][b] = rt[l].percentile(wt, totalT);
                }
            }
        });
        List<Replicates> result = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            result.add(new Replicates(qc[l], qt[l]));
        }
        return result;
    }

    /**
     * A uniform integer in [0, n) from 32 random bits, without division: Lemire's multiply-shift
     * with rejection of the {@code (2³² − n) mod n} low values that would bias it (exact, unbiased).
     * D. Lemire (2019), "Fast Random Integer Generation in an Interval", <i>ACM TOMACS</i> 29(1).
     */
    static int uniformIndex(SplittableRandom random, int n, long threshold) {
        long m = (random.nextInt() & 0xFFFFFFFFL) * n;
        long low = m & 0xFFFFFFFFL;
        if (low < n) {
            while (low < threshold) {
                m = (random.nextInt() & 0xFFFFFFFFL) * n;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /**
     * Units above which {@link Resampler#draw} adds its draws bucket by bucket: 8 MB of counts.
     * Below it the counts stay in cache anyway and the grouping only adds passes (measured: a
     * 1M-member bootstrap, 290k units per variant, 0.7-1.0 s plain and 2.5 s bucketed).
     */
    static final int BUCKETED_UNITS = 1 << 21;
    /**
     * Draws grouped at a time: enough that each bucket receives tens of thousands of draws, which
     * then hit its counts in cache (with 16k at a time, a 10M-member bootstrap still waited on
     * memory for half its time).
     */
    static final int DRAW_BLOCK = 1 << 22;
    /** log2 of the units per bucket: 256 KB of counts. */
    static final int BUCKET_SHIFT = 16;

    /** Per-thread buffers of {@link Resampler#draw}. */
    private static final class DrawScratch {
        private static final ThreadLocal<DrawScratch> SCRATCH = new ThreadLocal<>();

        final int[] drawn;
        final int[] grouped;
        final int[] position;

        private DrawScratch(int draws, int buckets) {
            drawn = new int[draws];
            grouped = new int[draws];
            position = new int[buckets + 1];
        }

        static DrawScratch get(int draws, int buckets) {
            DrawScratch scratch = SCRATCH.get();
            if (scratch == null || scratch.drawn.length < draws || scratch.position.length < buckets + 1) {
                scratch = new DrawScratch(draws, buckets);
                SCRATCH.set(scratch);
            }
            return scratch;
        }
    }

    /** A well-mixed 64-bit seed for replicate b (the SplitMix64 finaliser of seed + (b + 1)·γ). */
    static long mix(long seed, long b) {
        long z = seed + (b + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * What a variant's resamplers share whatever their level: each unit's number of events, and
     * the whole sorted sample (built on first need: the band of small samples, and the fallback
     * of the others).
     */
    static final class Events {

        private final QuantileVariant variant;
        /** Each unit's number of events. */
        final int[] counts;
        private volatile Band full;

        Events(QuantileVariant variant) {
            this.variant = variant;
            this.counts = counts(variant.sample.unitOffsets());
        }

        Band full() {
            Band f = full;
            if (f == null) {
                synchronized (this) {
                    f = full;
                    if (f == null) {
                        f = Band.full(variant);
                        full = f;
                    }
                }
            }
            return f;
        }
    }

    /** One variant's resampling state at one level: the band of sorted events around the percentile. */
    static final class Resampler {

        private final QuantileVariant variant;
        private final Events events;
        private final Band band;
        private final java.util.concurrent.atomic.AtomicInteger fallbacks = new java.util.concurrent.atomic.AtomicInteger();

        Resampler(QuantileVariant variant) {
            this(variant, new Events(variant));
        }

        /** A resampler of {@code variant}'s level; {@code events} are those of the variant's events. */
        Resampler(QuantileVariant variant, Events events) {
            this.variant = variant;
            this.events = events;
            Band around = variant.events <= FULL_BAND_EVENTS ? null : Band.around(variant);
            this.band = around != null ? around : events.full();
        }

        int fallbacks() {
            return fallbacks.get();
        }

        /** The band's size, for tests. */
        int bandSize() {
            return band.values.length;
        }

        /** Draws the unit counts into {@code w} and returns the replicate's percentile (NaN if no event). */
        double replicate(SplittableRandom random, int[] w) {
            draw(random, w);
            return percentile(w);
        }

        /**
         * Draws {@code w.length} units uniformly with replacement: each unit's count into {@code w}.
         *
         * <p>With millions of units the counts outgrow the processor's caches, and adding each draw
         * where it falls waits on memory (measured: 92 % of a 10M-member bootstrap). Then the draws
         * are taken in blocks of up to {@value #DRAW_BLOCK}, grouped by bucket of {@code 2^}{@value #BUCKET_SHIFT}
         * units (a counting sort on the high bits), and added bucket by bucket, each bucket's counts
         * staying in cache. The same draws in the same random stream, added in another order: the
         * counts, and so every result, are exactly those of adding them one by one.
         */
        static void draw(SplittableRandom random, int[] w) {
            int n = w.length;
            Arrays.fill(w, 0);
            long threshold = ((1L << 32) - n) % n;
            if (n <= BUCKETED_UNITS) {
                for (int i = 0; i < n; i++) {
                    w[uniformIndex(random, n, threshold)]++;
                }
                return;
            }
            int buckets = ((n - 1) >>> BUCKET_SHIFT) + 1;
            DrawScratch scratch = DrawScratch.get(Math.min(n, DRAW_BLOCK), buckets);
            int[] drawn = scratch.drawn;
            int[] grouped = scratch.grouped;
            int[] position = scratch.position;
            for (int done = 0; done < n; ) {
                int m = Math.min(DRAW_BLOCK, n - done);
                Arrays.fill(position, 0, buckets + 1, 0);
                for (int i = 0; i < m; i++) {
                    int unit = uniformIndex(random, n, threshold);
                    drawn[i] = unit;
                    position[(unit >>> BUCKET_SHIFT) + 1]++;
                }
                for (int b = 1; b <= buckets; b++) {
                    position[b] += position[b - 1];
                }
                for (int i = 0; i < m; i++) {
                    int unit = drawn[i];
                    grouped[position[unit >>> BUCKET_SHIFT]++] = unit;
                }
                for (int i = 0; i < m; i++) {
                    w[grouped[i]]++;
                }
                done += m;
            }
        }

        /** The type-7 percentile of the events weighted by their unit's count. */
        double percentile(int[] w) {
            return percentile(w, Band.total(w, events.counts));
        }

        /** {@link #percentile(int[])} given the weighted number of events, {@code total}. */
        double percentile(int[] w, long total) {
            double q = band.percentileOfTotal(w, total, variant.level);
            if (q == OUT_OF_BAND) {
                // outside the band: redo it on the whole sorted sample (built once, on first need)
                fallbacks.incrementAndGet();
                q = events.full().percentileOfTotal(w, total, variant.level);
            }
            return q;
        }
    }

    /** Each unit's number of events, from the sample's offsets. */
    static int[] counts(int[] offsets) {
        int[] counts = new int[offsets.length - 1];
        for (int u = 0; u < counts.length; u++) {
            counts[u] = offsets[u + 1] - offsets[u];
        }
        return counts;
    }

    /**
     * The events with values in {@code [low, high]}, sorted by value with their unit, and for each
     * unit its number of events below {@code low}.
     */
    static final class Band {

        final double[] values;
        final int[] units;
        /** Per unit, its events below the band; null when the band starts at the smallest value. */
        final int[] below;

        private Band(double[] values, int[] units, int[] below) {
            this.values = values;
            this.units = units;
            this.below = below;
        }

        /** Every event. */
        static Band full(QuantileVariant v) {
            return collect(v, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, false);
        }

        /**
         * The events within {@value #BAND_SDS} bootstrap SDs of the percentile's rank; null when
         * that is every event (the whole sample, {@link #full}).
         */
        static Band around(QuantileVariant v) {
            double[] values = v.sample.values();
            int[] offsets = v.sample.unitOffsets();
            double q = v.quantile;
            double p = v.level;
            // Poisson-bootstrap variance of the number of events at or below q: Σ_u (b_u − p k_u)²
            double var = 0;
            for (int u = 0; u < v.units; u++) {
                int b = 0;
                for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                    if (values[i] <= q) {
                        b++;
                    }
                }
                double e = b - p * (offsets[u + 1] - offsets[u]);
                var += e * e;
            }
            long half = (long) Math.ceil(BAND_SDS * Math.sqrt(var)) + BAND_SLACK;
            long centre = (long) Math.floor((v.events - 1) * p);
            int lowRank = (int) Math.max(0, centre - half);
            int highRank = (int) Math.min(v.events - 1L, centre + 1 + half);
            if (lowRank == 0 && highRank == v.events - 1) {
                return null;
            }
            Selection.select(v.work, lowRank, highRank);
            return collect(v, v.work[lowRank], v.work[highRank], true);
        }

        private static Band collect(QuantileVariant v, double low, double high, boolean countBelow) {
            double[] values = v.sample.values();
            int[] offsets = v.sample.unitOffsets();
            int[] below = countBelow ? new int[v.units] : null;
            int m = 0;
            for (int u = 0; u < v.units; u++) {
                int b = 0;
                for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                    double x = values[i];
                    if (x < low) {
                        b++;
                    } else if (x <= high) {
                        m++;
                    }
                }
                if (below != null) {
                    below[u] = b;
                }
            }
            double[] sorted = new double[m];
            int[] unitOf = new int[m];
            int j = 0;
            for (int u = 0; u < v.units; u++) {
                for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                    double x = values[i];
                    if (x >= low && x <= high) {
                        sorted[j++] = x;
                    }
                }
            }
            Arrays.parallelSort(sorted);
            // place each event's unit at a free slot of its value's run
            int[] taken = new int[m];
            for (int u = 0; u < v.units; u++) {
                for (int i = offsets[u]; i < offsets[u + 1]; i++) {
                    double x = values[i];
                    if (x >= low && x <= high) {
                        int start = lowerBound(sorted, x);
                        unitOf[start + taken[start]++] = u;
                    }
                }
            }
            return new Band(sorted, unitOf, below);
        }

        private static int lowerBound(double[] sorted, double x) {
            int lo = 0;
            int hi = sorted.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * The type-7 percentile of the events, each weighted by {@code w[unit]}; NaN if the total
         * weight is 0, {@link #OUT_OF_BAND} if the order statistics are outside the band (the
         * values are finite, so neither is a percentile). Thread-safe.
         */
        double percentile(int[] w, int[] offsets, double level) {
            return percentileOfCounts(w, counts(offsets), level);
        }

        /**
         * {@link #percentile} with each unit's number of events given ({@code counts}). The weighted
         * sums over units are this method's main cost (measured: about 70 % of a 1M-member
         * scorecard's bootstrap); they run without a branch per unit, which a third of the units,
         * those drawn zero times, would make unpredictable.
         */
        double percentileOfCounts(int[] w, int[] counts, double level) {
            return percentileOfTotal(w, total(w, counts), level);
        }

        /** The weighted number of events, {@code Σ w[u]·counts[u]}: the same for every level. */
        static long total(int[] w, int[] counts) {
            long total = 0;
            int n = w.length;
            for (int u = 0; u < n; u++) {
                total += (long) w[u] * counts[u];
            }
            return total;
        }

        /** {@link #percentileOfCounts} given the weighted number of events, {@code total}. */
        double percentileOfTotal(int[] w, long total, double level) {
            if (total == 0) {
                return Double.NaN; // no event drawn: never out of band
            }
            long belowBand = 0;
            if (below != null) {
                int[] b = below;
                int n = w.length;
                for (int u = 0; u < n; u++) {
                    belowBand += (long) w[u] * b[u];
                }
            }
            double index = 1 + (total - 1) * level;
            long lo = (long) Math.floor(index);
            long hi = (long) Math.ceil(index);
            if (lo <= belowBand) {
                return OUT_OF_BAND;
            }
            long cumulative = belowBand;
            double low = Double.NaN;
            for (int j = 0; j < values.length; j++) {
                cumulative += w[units[j]];
                if (cumulative >= lo && Double.isNaN(low)) {
                    low = values[j];
                }
                if (cumulative >= hi) {
                    return Selection.type7(low, values[j], index - lo);
                }
            }
            return OUT_OF_BAND;
        }
    }

    /** Returned by a band whose order statistics left it (values are finite, so never a percentile). */
    static final double OUT_OF_BAND = Double.POSITIVE_INFINITY;
}
