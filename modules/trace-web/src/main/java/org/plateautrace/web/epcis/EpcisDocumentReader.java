package org.plateautrace.web.epcis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;
import org.plateautrace.model.Invalid;
import org.plateautrace.service.epcis.CaptureSource;

/**
 * Reads an EPCIS 2.0 document with Jackson's streaming parser, never as one tree. A first pass
 * ({@link #outline}) checks its shape (JSON, an {@code EPCISDocument} or {@code EPCISQueryDocument}, an
 * event list of objects), reads its {@code @context}, counts its events and notes where the event list
 * starts; the fields may come in any order. A document file then opens as a {@link CaptureSource}
 * ({@link #open}) whose events are read one at a time, from the start of the list, as the capture job
 * asks for them. Blocking work: call on a worker.
 */
public final class EpcisDocumentReader {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final String EVENT_LIST = "epcisBody.eventList";
    private static final String QUERY_EVENT_LIST = "epcisBody.queryResults.resultsBody.eventList";

    /** What the first pass found: the document's context, how many events it has, and the byte where its event list starts. */
    public record Outline(Object context, int events, long listStart) {
    }

    private record EventList(int events, long start) {
    }

    private final JsonParser parser;
    private final IntConsumer lines;
    private final Map<String, EventList> lists = new HashMap<>();

    private EpcisDocumentReader(JsonParser parser, IntConsumer lines) {
        this.parser = parser;
        this.lines = lines;
    }

    /**
     * The first pass over a document: its outline; {@code lines} is told the line each event starts on, in order.
     * Not JSON, not an EPCIS document, no event list or not UTF-8: {@link Invalid} naming the field.
     */
    public static Outline outline(InputStream in, IntConsumer lines) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            return new EpcisDocumentReader(parser, lines).document();
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new Invalid(null, "the body is not valid JSON: " + e.getMessage());
        }
    }

    /**
     * A document file as the events of a capture (its outline read first, so a document refused for its shape
     * throws {@link Invalid} here). Closing it deletes the file when it is {@code temporary}, also when refused.
     */
    public static Document open(Path file, boolean temporary) {
        try {
            Outline outline;
            try (InputStream in = Files.newInputStream(file)) {
                outline = outline(in, line -> { });
            }
            return new Document(file, temporary, outline);
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                delete(file);
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A document file whose events are read one at a time, from where its outline found the event list. */
    public static final class Document implements CaptureSource {
        private final Path file;
        private final boolean temporary;
        private final Outline outline;
        private JsonParser events;
        private boolean ended;

        private Document(Path file, boolean temporary, Outline outline) {
            this.file = file;
            this.temporary = temporary;
            this.outline = outline;
        }

        @Override
        public Object context() {
            return outline.context();
        }

        @Override
        public int events() {
            return outline.events();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> next() {
            try {
                if (events == null) {
                    FileChannel channel = FileChannel.open(file);
                    events = FACTORY.createParser(Channels.newInputStream(channel.position(outline.listStart())));
                    if (events.nextToken() != JsonToken.START_ARRAY) {
                        throw new IllegalStateException(file + " changed since it was read");
                    }
                }
                if (!ended && events.nextToken() == JsonToken.START_OBJECT) {
                    return MAPPER.readValue(events, Map.class);
                }
                ended = true; // the list's end: what follows it is not read
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                if (events != null) {
                    events.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (temporary) {
                    delete(file);
                }
            }
        }
    }

    private Outline document() throws IOException {
        if (parser.nextToken() == null) {
            throw new Invalid(null, "the request needs a JSON body");
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new Invalid(null, "the body must be an EPCIS document (a JSON object)");
        }
        Object type = null;
        Object context = null;
        boolean bodySeen = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                case "@context" -> context = MAPPER.readValue(parser, Object.class);
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
        EventList list = lists.get(expected);
        if (list == null) {
            throw new Invalid(expected, "is required (an array of events)");
        }
        return new Outline(context, list.events(), list.start());
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

    /** Counts the events of a list (each must be an object) and notes the byte its array starts at. */
    private void eventList(String at, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new Invalid(at, "is required (an array of events)");
        }
        long start = parser.currentTokenLocation().getByteOffset();
        if (start < 0) {
            throw new Invalid(null, "the document must be UTF-8 encoded");
        }
        int events = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new Invalid(at + "[" + events + "]", "must be an event (a JSON object)");
            }
            lines.accept(parser.currentTokenLocation().getLineNr());
            events++;
            parser.skipChildren();
        }
        lists.put(at, new EventList(events, start));
    }
}
