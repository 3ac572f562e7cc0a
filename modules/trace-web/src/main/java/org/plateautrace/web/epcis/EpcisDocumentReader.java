package org.plateautrace.web.epcis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.plateautrace.model.Invalid;

/**
 * Reads an EPCIS 2.0 document with Jackson's streaming parser, one event at a time, so that no tree of
 * the whole document is ever built: each event is handed to a {@link Sink} (as a map, decimals exact)
 * with the line it starts on, and can be dropped once the sink has taken what it keeps. An
 * {@code EPCISQueryDocument} is read too. The fields may come in any order. Blocking work: call on a worker.
 */
public final class EpcisDocumentReader {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final String EVENT_LIST = "epcisBody.eventList";
    private static final String QUERY_EVENT_LIST = "epcisBody.queryResults.resultsBody.eventList";

    /** Where the events of a document go. */
    public interface Sink {
        /** The document's {@code @context}. */
        void context(Object context);

        /** The next event (its index is the number of events before it) and the line it starts on. */
        void event(Map<String, Object> event, int line);
    }

    /** A document had more events than the limit; {@code count} is how many it has. */
    public static final class TooManyEvents extends RuntimeException {
        private final int count;

        TooManyEvents(int count) {
            super("too many events", null, false, false);
            this.count = count;
        }

        public int count() {
            return count;
        }
    }

    private final JsonParser parser;
    private final Sink sink;
    private final int limit;
    private int events;
    private String listAt;

    private EpcisDocumentReader(JsonParser parser, Sink sink, int limit) {
        this.parser = parser;
        this.sink = sink;
        this.limit = limit;
    }

    /**
     * Reads the document, handing its context and at most {@code limit} events to the sink; answers how many
     * events it has. Not JSON, not an EPCIS document or no event list: {@link Invalid} naming the field; more
     * events than the limit: {@link TooManyEvents} (counted to the end, but not handed over).
     */
    public static int read(InputStream in, Sink sink, int limit) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new EpcisDocumentReader(parser, sink, limit).document();
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getMessage());
        }
    }

    private int document() throws IOException {
        if (parser.nextToken() == null) {
            throw new Invalid(null, "the request needs a JSON body");
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new Invalid(null, "the body must be an EPCIS document (a JSON object)");
        }
        Object type = null;
        boolean bodySeen = false;
        boolean contextSeen = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                case "@context" -> {
                    sink.context(MAPPER.readValue(parser, Object.class));
                    contextSeen = true;
                }
                case "epcisBody" -> {
                    if (value != JsonToken.START_OBJECT) {
                        throw new Invalid("epcisBody", "is required (an object with an eventList)");
                    }
                    bodySeen = true;
                    body();
                }
                default -> parser.skipChildren();
            }
        }
        if (!"EPCISDocument".equals(type) && !"EPCISQueryDocument".equals(type)) {
            throw new Invalid("type", "must be EPCISDocument");
        }
        if (!bodySeen) {
            throw new Invalid("epcisBody", "is required (an object with an eventList)");
        }
        String expected = "EPCISDocument".equals(type) ? EVENT_LIST : QUERY_EVENT_LIST;
        if (!expected.equals(listAt)) {
            throw new Invalid(expected, "is required (an array of events)");
        }
        if (!contextSeen) {
            sink.context(null);
        }
        if (events > limit) {
            throw new TooManyEvents(events);
        }
        return events;
    }

    /** epcisBody: its eventList, or queryResults.resultsBody.eventList; anything else is skipped. */
    private void body() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("eventList")) {
                eventList(EVENT_LIST, value);
            } else if (name.equals("queryResults") && value == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String inner = parser.currentName();
                    JsonToken innerValue = parser.nextToken();
                    if (inner.equals("resultsBody") && innerValue == JsonToken.START_OBJECT) {
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            JsonToken listValue = parser.nextToken();
                            if (parser.currentName().equals("eventList")) {
                                eventList(QUERY_EVENT_LIST, listValue);
                            } else {
                                parser.skipChildren();
                            }
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void eventList(String at, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new Invalid(at, "is required (an array of events)");
        }
        listAt = at;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new Invalid(at + "[" + events + "]", "must be an event (a JSON object)");
            }
            int line = parser.currentTokenLocation().getLineNr();
            if (events++ < limit) {
                sink.event(MAPPER.readValue(parser, Map.class), line);
            } else {
                parser.skipChildren();
            }
        }
    }
}
