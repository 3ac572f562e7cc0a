package org.plateautrace.server.cli;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.plateautrace.model.Invalid;
import org.plateautrace.model.NotPermitted;
import org.plateautrace.model.PageRequest;
import org.plateautrace.model.epcis.EpcisDocuments;
import org.plateautrace.model.epcis.EventQuery;
import org.plateautrace.model.events.EventCommand;
import org.plateautrace.model.events.Recording.ItemError;
import org.plateautrace.model.events.Recording.Recorded;
import org.plateautrace.model.lots.LotCode;
import org.plateautrace.model.lots.LotFilter;
import org.plateautrace.server.CommandDatabase;
import org.plateautrace.server.DatabaseOptions;
import org.plateautrace.server.ServerConfig;
import org.plateautrace.service.BatchRefused;
import org.plateautrace.service.Refusal;
import org.plateautrace.service.Services;
import org.plateautrace.service.auth.Caller;
import org.plateautrace.service.epcis.EpcisService;
import org.plateautrace.service.epcis.EpcisService.ErrorBehaviour;
import org.plateautrace.store.epcis.EpcisRepository.CaptureJob;
import org.plateautrace.web.Problems;
import org.plateautrace.web.epcis.EpcisDocumentReader;
import org.plateautrace.web.events.EventInput;
import org.plateautrace.web.lots.LotJson;
import org.plateautrace.web.lots.LotRoutes;

/**
 * The database itself (embedded under the data directory, or at a URL), through the same services the
 * server runs: the same checks, transactions and idempotence, answered as the API answers. The token
 * is checked against the database's tokens, so a party imports only into its own data here too.
 */
final class DirectTarget implements Target {
    private final CommandDatabase database;
    private final Services services;
    private final String publicBaseUrl;
    private final Caller caller;

    private DirectTarget(CommandDatabase database, Services services, String publicBaseUrl, Caller caller) {
        this.database = database;
        this.services = services;
        this.publicBaseUrl = publicBaseUrl;
        this.caller = caller;
    }

    /** Opens the database of this configuration (migrating it) and authenticates the token there. */
    static DirectTarget open(DatabaseOptions options, String token) {
        CommandDatabase database = CommandDatabase.open(options, 4);
        try {
            ServerConfig config = database.config();
            Services services = Services.on(database.vertx(), database.pool(), Clock.systemUTC(), config.publicBaseUrl(),
                    config.packBounds());
            Caller caller = services.tokens().authenticate(token).await();
            return new DirectTarget(database, services, config.publicBaseUrl(), caller);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public Answer registerLots(JsonArray harvests) {
        try {
            return call(() -> services.lots().registerAll(caller, LotRoutes.harvests(new JsonObject().put("lots", harvests))), lots -> {
                JsonArray items = new JsonArray();
                lots.forEach(lot -> items.add(LotJson.lot(lot, publicBaseUrl)));
                return new Answer(201, new JsonObject().put("items", items));
            });
        } catch (BatchRefused refused) {
            return refused(refused, false);
        }
    }

    @Override
    public Answer lotsWithCode(String lotCode) {
        return call(() -> services.lots().list(caller, new LotFilter(null, null, null, null, new LotCode(lotCode), null, null),
                new PageRequest(null, 10)), page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(lot -> items.add(LotJson.lot(lot, publicBaseUrl)));
            return new Answer(200, new JsonObject().put("items", items));
        });
    }

    @Override
    public Answer lot(long id) {
        return call(() -> services.lots().lot(caller, id), lot -> new Answer(200, LotJson.lot(lot, publicBaseUrl)));
    }

    @Override
    public Answer recordEvents(JsonObject body) {
        boolean single = !body.containsKey("events");
        JsonArray items = single ? new JsonArray().add(body) : body.getJsonArray("events");
        List<EventCommand> commands = new ArrayList<>(items.size());
        List<ItemError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                commands.add(EventInput.read(items.getValue(i)));
            } catch (Invalid e) {
                errors.add(new ItemError(i, 400, e.field(), e.detail()));
            }
        }
        if (!errors.isEmpty()) {
            return refused(new BatchRefused("events", items.size(), errors), single);
        }
        try {
            return call(() -> services.events().record(caller, commands, true), recording -> {
                JsonArray answers = new JsonArray();
                boolean created = false;
                for (Recorded r : recording.events()) {
                    created |= !r.duplicate();
                    answers.add(new JsonObject().put("index", r.index()).put("eventId", r.eventId())
                            .put("status", r.duplicate() ? "duplicate" : "created"));
                }
                return new Answer(created ? 201 : 200, single ? answers.getJsonObject(0) : new JsonObject().put("events", answers));
            });
        } catch (BatchRefused refused) {
            return refused(refused, single);
        }
    }

    @Override
    public Answer capture(Path document, boolean atomic) {
        EpcisDocumentReader.Document events;
        try {
            events = EpcisDocumentReader.open(document, false);
        } catch (Invalid e) {
            return Answer.problem(400, e.field(), e.detail());
        }
        if (events.events() > EpcisService.CAPTURE_LIMIT) {
            events.close();
            return Answer.problem(413, "epcisBody.eventList", EpcisService.overCaptureLimit(events.events()));
        }
        return call(() -> services.epcis().capture(caller, events, atomic ? ErrorBehaviour.ROLLBACK : ErrorBehaviour.PROCEED),
                this::finished);
    }

    private Answer finished(UUID id) {
        while (true) {
            CaptureJob job = services.epcis().job(caller, id).await();
            if (!job.running()) {
                return new Answer(200, new JsonObject().put("captureID", id.toString()).put("running", false)
                        .put("success", job.success()).put("events", job.events()).put("stored", job.stored())
                        .put("duplicates", job.duplicates()).put("errors", job.errors()));
            }
            Pause.briefly();
        }
    }

    @Override
    public Answer events(ExportFilter filter, String next) {
        EventQuery query = new EventQuery(List.of(), filter.from(), filter.to(), null, null, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), filter.epcClass() == null ? List.of() : List.of(filter.epcClass()),
                List.of(), List.of(), List.of(), null, next == null ? null : Long.valueOf(next), EpcisService.MAX_PER_PAGE);
        return call(() -> services.epcis().query(caller, query), page -> {
            JsonArray events = new JsonArray();
            page.items().forEach(e -> events.add(new JsonObject(EpcisDocuments.exported(e.document(), e.recordTime()))));
            return new Answer(200, new JsonObject().put("events", events)
                    .put("next", page.nextAfter() == null ? null : page.nextAfter().toString()));
        });
    }

    @Override
    public void close() {
        database.close();
    }

    /** As the API answers: one event refused as a single request is, a batch with every refused item. */
    private static Answer refused(BatchRefused refused, boolean single) {
        ItemError first = refused.errors().get(0);
        if (single) {
            return Answer.problem(first.status(), first.field(), first.detail());
        }
        return new Answer(400, new JsonObject().put("status", 400).put("field", first.field()).put("detail", refused.getMessage())
                .put("errors", Problems.errors(refused.errors())));
    }

    /** Runs a use case and answers as the API would, refusals as problems. */
    private static <T> Answer call(java.util.function.Supplier<Future<T>> action, Function<T, Answer> answer) {
        T value;
        try {
            value = action.get().await();
        } catch (Invalid e) {
            return Answer.problem(400, e.field(), e.detail());
        } catch (NotPermitted e) {
            return Answer.problem(403, e.field(), e.detail());
        } catch (Refusal e) {
            int status = e instanceof Refusal.Unauthenticated ? 401 : e instanceof Refusal.Denied ? 403
                    : e instanceof Refusal.NotFound ? 404 : 409;
            return Answer.problem(status, e.field(), e.detail());
        }
        return answer.apply(value);
    }
}
