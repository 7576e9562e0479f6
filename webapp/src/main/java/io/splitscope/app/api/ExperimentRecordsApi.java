package io.splitscope.app.api;

import io.splitscope.analysis.results.ExperimentRecord;
import io.splitscope.analysis.results.RecordStatus;
import io.splitscope.app.results.ExperimentRecords;
import io.splitscope.app.results.RecordChanges;
import io.splitscope.app.results.Today;
import io.splitscope.app.results.WarehouseExperiments;
import io.splitscope.metrics.experiment.Experiment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team's record of an experiment in the REST API ({@link RecordJson} says the JSON): anyone
 * signed in reads it, analysts write it (others get 403; a browser session's write needs its CSRF
 * token, as every write of the API).
 *
 * <ul>
 *   <li>{@code GET /api/experiments/{id}/record}: the record.</li>
 *   <li>{@code PUT /api/experiments/{id}/record} with {@code {"status": …, "conclusion": {…}, "tags": […]}},
 *       each part optional (left out: unchanged): the record as it is then; 400 with the one-line
 *       reason when a part breaks a rule (decided without a conclusion, a bad tag) — then nothing changes.</li>
 *   <li>{@code POST /api/experiments/{id}/record/notes} with {@code {"text": "…"}}: 201 with the record.</li>
 * </ul>
 * {@code GET /api/experiments} carries each experiment's record too ({@code record}).
 */
@RestController
@RequestMapping("/api/experiments/{id}/record")
public final class ExperimentRecordsApi {

    private final WarehouseExperiments experiments;
    private final ExperimentRecords records;
    private final Today today;

    /** Built by Spring. */
    public ExperimentRecordsApi(WarehouseExperiments experiments, ExperimentRecords records, Today today) {
        this.experiments = experiments;
        this.records = records;
        this.today = today;
    }

    /** {@code GET /api/experiments/{id}/record}. */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public String record(@PathVariable String id) {
        Experiment experiment = experiment(id);
        return RecordJson.write(records.of(id), RecordStatus.byDates(experiment, today.date()));
    }

    /** {@code PUT /api/experiments/{id}/record}. */
    @PutMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public String write(@PathVariable String id, @RequestBody(required = false) String body) {
        Experiment experiment = experiment(id);
        return RecordJson.write(write(id, () -> RecordJson.changes(body)), RecordStatus.byDates(experiment, today.date()));
    }

    /** {@code POST /api/experiments/{id}/record/notes}: 201. */
    @PostMapping(value = "/notes", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> addNote(@PathVariable String id, @RequestBody(required = false) String body) {
        Experiment experiment = experiment(id);
        ExperimentRecord record = write(id, () -> RecordJson.note(body));
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(RecordJson.write(record, RecordStatus.byDates(experiment, today.date())));
    }

    /** Reads the changes and makes them; a broken rule or an unreadable body is 400. */
    private ExperimentRecord write(String id, java.util.function.Supplier<RecordChanges> changes) {
        try {
            return records.write(id, changes.get());
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }

    private Experiment experiment(String id) {
        return experiments.find(id).orElseThrow(() -> ApiException.unknownExperiment(id));
    }
}
