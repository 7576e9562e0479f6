package io.splitscope.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.splitscope.analysis.AnalysisService;
import io.splitscope.analysis.GoldenWarehouse;
import io.splitscope.analysis.results.WarehouseFingerprint;
import io.splitscope.metrics.experiment.Experiment;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The experiments of the golden warehouse, read once while its fingerprint stays the same: a
 * list read from the warehouse is a new list, so the same instance means no query was made.
 */
class WarehouseExperimentsTest {

    private final AnalysisService service = GoldenWarehouse.service();
    private final AtomicReference<WarehouseFingerprint> fingerprint = new AtomicReference<>(new WarehouseFingerprint("v1"));

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theExperimentsAreReadOnceAndFoundById() {
        WarehouseExperiments experiments = new WarehouseExperiments(service, fingerprint::get, true);

        List<Experiment> all = experiments.all();

        assertThat(all).extracting(Experiment::id).containsExactlyInAnyOrder("exp_autoplay", "exp_price");
        assertThat(experiments.all()).isSameAs(all);
        assertThat(experiments.find("exp_price")).hasValueSatisfying(e -> assertThat(e.controlVariant()).isEqualTo("control"));
        assertThat(experiments.find("exp_nope")).isEmpty();
        assertThat(experiments.all()).isSameAs(all);
    }

    @Test
    void aChangedWarehouseIsReadAgain() {
        WarehouseExperiments experiments = new WarehouseExperiments(service, fingerprint::get, true);
        List<Experiment> before = experiments.all();

        fingerprint.set(new WarehouseFingerprint("v2"));

        List<Experiment> after = experiments.all();
        assertThat(after).isNotSameAs(before).isEqualTo(before);
        assertThat(experiments.all()).isSameAs(after);
    }

    @Test
    void aWarehouseWithoutFingerprintOrWithTheCacheOffIsReadEveryTime() {
        fingerprint.set(WarehouseFingerprint.UNKNOWN);
        WarehouseExperiments server = new WarehouseExperiments(service, fingerprint::get, true);
        assertThat(server.all()).isNotSameAs(server.all()).isEqualTo(server.all());

        fingerprint.set(new WarehouseFingerprint("v1"));
        WarehouseExperiments off = new WarehouseExperiments(service, fingerprint::get, false);
        assertThat(off.all()).isNotSameAs(off.all());
    }
}
