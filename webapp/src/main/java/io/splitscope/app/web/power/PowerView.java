package io.splitscope.app.web.power;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.ScorecardRow;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.app.web.chart.Figures;
import io.splitscope.app.web.chart.PlotlyChart;
import io.splitscope.app.web.common.Formats;
import io.splitscope.app.web.common.UiUpdates;
import io.splitscope.app.web.scorecard.ScorecardCache;
import io.splitscope.metrics.Measure;
import io.splitscope.metrics.Metric;
import io.splitscope.metrics.MetricType;
import io.splitscope.metrics.experiment.Experiment;
import io.splitscope.stats.Moments;
import io.splitscope.stats.power.PowerCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The power calculator: how many units an experiment needs to detect an effect, the smallest
 * effect a given number of units detects, or the power of a plan — for a mean (two-sample t-test)
 * or a proportion (two-sample test of proportions), two-sided, equal allocation, exactly R's
 * {@code power.t.test} and {@code power.prop.test} ({@link PowerCalculator}). The baseline can be
 * taken from the control of an analysed experiment.
 */
@PermitAll
@Route("power")
@PageTitle("Power calculator · Splitscope")
public final class PowerView extends Div {

    /** What to solve for. */
    enum Goal {
        UNITS("Units needed"),
        EFFECT("Smallest detectable effect"),
        POWER("Power");

        final String label;

        Goal(String label) {
            this.label = label;
        }
    }

    /** The kind of metric. */
    enum Kind {
        MEAN("Mean (e.g. hours per member)"),
        PROPORTION("Proportion (e.g. share who play)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final ScorecardCache scorecards;
    private final RadioButtonGroup<Goal> goal = new RadioButtonGroup<>("Solve for");
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>("Metric");
    private final NumberField mean = new NumberField("Baseline mean");
    private final NumberField sd = new NumberField("Standard deviation per unit");
    private final NumberField rate = new NumberField("Baseline rate");
    private final NumberField effect = new NumberField("Relative effect to detect");
    private final IntegerField units = new IntegerField("Units per variant");
    private final NumberField alpha = new NumberField("Significance level α (two-sided)");
    private final NumberField power = new NumberField("Power");
    private final Div result = new Div();
    private final Div chart = new Div();
    private final Span baselineNote = new Span();

    /** Built by Vaadin's Spring integration. */
    public PowerView(AnalysisService analysis, WarehouseExperiments warehouseExperiments, ScorecardCache scorecards) {
        this.scorecards = scorecards;
        addClassNames("ss-page", "ss-power-page");
        H1 title = new H1("Power calculator");
        Paragraph lead = new Paragraph("Plan an experiment: how many units each variant needs to detect an effect, the"
                + " smallest effect a given size detects, or the chance that a plan detects an effect (its power)."
                + " Two-sided test, equal split between two variants; the same numbers as R's power.t.test and"
                + " power.prop.test.");
        lead.addClassName("ss-lead");

        goal.setItems(Goal.values());
        goal.setItemLabelGenerator(g -> g.label);
        goal.setValue(Goal.UNITS);
        goal.addClassName("ss-power-goal");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> k.label);
        kind.setValue(Kind.MEAN);
        kind.addClassName("ss-power-kind");

        mean.setValue(3.2);
        sd.setValue(4.5);
        rate.setValue(40.0);
        rate.setSuffixComponent(new Span("%"));
        rate.setMin(0);
        rate.setMax(100);
        effect.setValue(2.0);
        effect.setSuffixComponent(new Span("%"));
        effect.setHelperText("e.g. 2 % more hours than the baseline");
        units.setValue(20_000);
        units.setMin(2);
        units.setStepButtonsVisible(false);
        alpha.setValue(0.05);
        alpha.setStep(0.01);
        power.setValue(80.0);
        power.setSuffixComponent(new Span("%"));
        for (var field : List.of(mean, sd, rate, effect, alpha, power)) {
            field.addValueChangeListener(e -> compute());
        }
        units.addValueChangeListener(e -> compute());
        goal.addValueChangeListener(e -> compute());
        kind.addValueChangeListener(e -> compute());
        mean.addClassName("ss-power-mean");
        sd.addClassName("ss-power-sd");
        rate.addClassName("ss-power-rate");
        effect.addClassName("ss-power-effect");
        units.addClassName("ss-power-units");

        Div form = new Div(goal, kind, mean, sd, rate, effect, units, alpha, power, baseline(warehouseExperiments.all(), analysis));
        form.addClassName("ss-power-form");
        result.addClassName("ss-power-result");
        chart.addClassName("ss-power-chart");
        Div output = new Div(result, chart);
        output.addClassName("ss-power-output");
        Div body = new Div(form, output);
        body.addClassName("ss-power");
        add(title, lead, body);
        compute();
    }

    private Component baseline(List<Experiment> experiments, AnalysisService analysis) {
        List<Metric> metrics = analysis.metrics().stream()
                .filter(m -> m.type() == MetricType.MEAN || m.type() == MetricType.PROPORTION)
                .filter(m -> !(m.measure() instanceof Measure.Funnel)).toList(); // several rows, no one baseline
        Select<Experiment> experiment = new Select<>();
        experiment.setLabel("Experiment");
        experiment.setItems(experiments);
        experiment.setItemLabelGenerator(e -> e == null ? "" : e.id());
        Select<Metric> metric = new Select<>();
        metric.setLabel("Metric");
        metric.setItems(metrics);
        metric.setItemLabelGenerator(m -> m == null ? "" : m.title());
        if (!experiments.isEmpty()) {
            experiment.setValue(experiments.getFirst());
        }
        if (!metrics.isEmpty()) {
            metric.setValue(metrics.getFirst());
        }
        Button use = new Button("Use its control", e -> useBaseline(experiment.getValue(), metric.getValue()));
        use.addThemeVariants(ButtonVariant.LUMO_SMALL);
        use.addClassName("ss-power-use");
        baselineNote.addClassName("ss-muted");
        Div box = new Div(new H3("Baseline from an experiment"), experiment, metric, use, baselineNote);
        box.addClassName("ss-power-baseline");
        return box;
    }

    private void useBaseline(Experiment experiment, Metric metric) {
        if (experiment == null || metric == null) {
            return;
        }
        baselineNote.setText("Reading the control of " + experiment.id() + "…");
        UI ui = UI.getCurrent();
        UiUpdates.whenDone(ui, scorecards.request(ScorecardCache.Key.of(experiment.id())).future(), (scorecard, failure) -> {
            if (failure != null) {
                baselineNote.setText("Could not analyse " + experiment.id() + ": " + failure.getMessage());
                return;
            }
            ScorecardRow row = scorecard.scorecard().rows().stream().filter(r -> r.metricId().equals(metric.id())).findFirst()
                    .orElse(null);
            Moments moments = row == null ? null : controlMoments(row.inputs().control());
            if (moments == null) {
                baselineNote.setText("No control statistics for " + metric.title() + " in " + experiment.id() + ".");
                return;
            }
            double m = moments.mean();
            double variance = moments.variance();
            if (metric.type() == MetricType.PROPORTION) {
                kind.setValue(Kind.PROPORTION);
                rate.setValue(round(m * 100, 4));
            } else {
                kind.setValue(Kind.MEAN);
                mean.setValue(round(m, 4));
                sd.setValue(round(Math.sqrt(variance), 4));
            }
            baselineNote.setText("From " + Formats.count(moments.n()) + " control units of " + experiment.id() + ": "
                    + metric.title() + " " + (metric.type() == MetricType.PROPORTION ? Formats.percent(m)
                    : "mean " + Formats.number(m) + ", sd " + Formats.number(Math.sqrt(variance))) + ".");
        });
    }

    /**
     * The control's moments from a row's inputs ({@code n}, {@code sum}, {@code sum_squares}); null
     * when they are missing, from fewer than 2 units, or impossible sums.
     */
    static Moments controlMoments(Map<String, Double> control) {
        Double n = control.get("n");
        Double sum = control.get("sum");
        Double squares = control.get("sum_squares");
        if (n == null || sum == null || squares == null || n < 2) {
            return null;
        }
        try {
            return new Moments(n.longValue(), sum, squares);
        } catch (IllegalArgumentException impossible) {
            return null;
        }
    }

    private static double round(double value, int digits) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue();
    }

    private void compute() {
        boolean proportion = kind.getValue() == Kind.PROPORTION;
        mean.setVisible(!proportion);
        sd.setVisible(!proportion);
        rate.setVisible(proportion);
        Goal g = goal.getValue();
        effect.setVisible(g != Goal.EFFECT);
        units.setVisible(g != Goal.UNITS);
        power.setVisible(g != Goal.POWER);
        result.removeAll();
        chart.removeAll();
        try {
            Plan plan = solve(g, proportion);
            result.add(plan.headline(), plan.sentence());
            PlotlyChart curve = new PlotlyChart(plan.curve());
            curve.addClassName("ss-power-curve");
            chart.add(new H3("Power against units per variant, for that effect"), curve);
        } catch (IllegalArgumentException | NullPointerException e) {
            Div problem = new Div(new Span(message(e)));
            problem.addClassName("ss-power-problem");
            result.add(problem);
        }
    }

    private static String message(RuntimeException e) {
        if (e instanceof NullPointerException) {
            return "Fill in every field.";
        }
        String m = e.getMessage() == null ? "These inputs cannot be planned." : e.getMessage();
        return Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".";
    }

    /** A solved plan: the units per variant, the absolute and relative effect, the power. */
    private record Plan(double n, double delta, double relative, double power, Goal goal, boolean proportion,
                        double baseline, double sd, double alpha) {

        Component headline() {
            Span value = new Span(switch (goal) {
                case UNITS -> Formats.count((long) Math.ceil(n));
                case EFFECT -> "±" + Formats.percent(Math.abs(relative));
                case POWER -> Formats.percent(power);
            });
            value.addClassName("ss-power-value");
            Span label = new Span(switch (goal) {
                case UNITS -> "units per variant (" + Formats.count(2 * (long) Math.ceil(n)) + " in total)";
                case EFFECT -> "smallest relative effect detected (" + Formats.signedNumber(delta) + " absolute)";
                case POWER -> "chance to detect the effect";
            });
            label.addClassName("ss-power-label");
            Div headline = new Div(value, label);
            headline.addClassName("ss-power-headline");
            return headline;
        }

        Component sentence() {
            String base = proportion ? "a baseline rate of " + Formats.percent(baseline)
                    : "a baseline mean of " + Formats.number(baseline) + " (sd " + Formats.number(sd) + ")";
            String change = Formats.signedPercent(relative) + " (" + Formats.signedNumber(delta)
                    + (proportion ? " in rate, to " + Formats.percent(baseline + delta) : "") + ")";
            String text = switch (goal) {
                case UNITS -> "With " + base + ", detecting a change of " + change + " with " + Formats.percent(power)
                        + " power at α = " + Formats.number(alpha) + " needs " + Formats.count((long) Math.ceil(n))
                        + " units in each variant.";
                case EFFECT -> "With " + Formats.count((long) Math.ceil(n)) + " units per variant and " + base
                        + ", a change of " + change + " or larger is detected with " + Formats.percent(power)
                        + " power at α = " + Formats.number(alpha) + ". Smaller true effects will often look inconclusive.";
                case POWER -> "With " + Formats.count((long) Math.ceil(n)) + " units per variant and " + base
                        + ", a true change of " + change + " reaches significance at α = " + Formats.number(alpha)
                        + " in " + Formats.percent(power) + " of experiments.";
            };
            Paragraph p = new Paragraph(text);
            p.addClassName("ss-power-sentence");
            return p;
        }

        tools.jackson.databind.node.ObjectNode curve() {
            double top = Math.max(n * 2.5, 100);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i <= 80; i++) {
                double x = Math.max(proportion ? 1 : 2, top * i / 80);
                xs.add(x);
                ys.add(100 * powerAt(x));
            }
            return Figures.curve("power", xs, ys, "Units per variant", "Power", " %", n, 100 * power,
                    Formats.count((long) Math.ceil(n)) + " units, " + Formats.percent(power), 80.0);
        }

        double powerAt(double units) {
            return proportion ? PowerCalculator.proportionPower(units, baseline, baseline + delta, alpha)
                    : PowerCalculator.tTestPower(units, delta, sd, alpha);
        }
    }

    private Plan solve(Goal g, boolean proportion) {
        double a = alpha.getValue();
        double baseline = proportion ? rate.getValue() / 100 : mean.getValue();
        double s = proportion ? 0 : sd.getValue();
        if (!proportion && baseline == 0 && g != Goal.EFFECT) {
            throw new IllegalArgumentException("a relative effect needs a baseline mean other than 0");
        }
        return switch (g) {
            case UNITS -> {
                double relative = effect.getValue() / 100;
                double delta = relative * baseline;
                double pw = power.getValue() / 100;
                double n = proportion ? PowerCalculator.proportionSampleSize(baseline, baseline + delta, a, pw)
                        : PowerCalculator.tTestSampleSize(delta, s, a, pw);
                yield new Plan(n, delta, relative, pw, g, proportion, baseline, s, a);
            }
            case EFFECT -> {
                double n = units.getValue();
                double pw = power.getValue() / 100;
                double delta = proportion ? PowerCalculator.proportionMinimumDetectableEffect(n, baseline, a, pw)
                        : PowerCalculator.tTestMinimumDetectableEffect(n, s, a, pw);
                double relative = baseline == 0 ? Double.NaN : delta / baseline;
                yield new Plan(n, delta, relative, pw, g, proportion, baseline, s, a);
            }
            case POWER -> {
                double n = units.getValue();
                double relative = effect.getValue() / 100;
                double delta = relative * baseline;
                double pw = proportion ? PowerCalculator.proportionPower(n, baseline, baseline + delta, a)
                        : PowerCalculator.tTestPower(n, delta, s, a);
                yield new Plan(n, delta, relative, pw, g, proportion, baseline, s, a);
            }
        };
    }
}
