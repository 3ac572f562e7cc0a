package org.plateautrace.model.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies the event hash chain, one stored row at a time in {@code seq} order, and remembers the
 * first problem:
 * <ul>
 *   <li>a gap in {@code seq} (events removed): names the first missing seq and the event after the gap;</li>
 *   <li>a {@code prev_hash} that is not the previous row's {@code hash} (a link rewritten);</li>
 *   <li>a {@code hash} that is not SHA-256(prev_hash || content) (the content altered);</li>
 *   <li>columns that disagree with the content document: eventID, type, bizStep, eventTime (a column altered).
 *       For legacy rows (content is just the eventID) only the eventID is compared.</li>
 * </ul>
 * Removing the newest events leaves no trace in the chain itself; that needs the head hash kept elsewhere.
 * Not thread-safe; one instance per verification.
 */
public final class ChainCheck {
    /** Reason prefixes, stable for callers and tests. */
    public static final String EVENT_REMOVED = "event removed";
    public static final String LINK_BROKEN = "link broken";
    public static final String CONTENT_ALTERED = "content altered";
    public static final String COLUMN_ALTERED = "column altered";
    public static final String OUT_OF_ORDER = "seq out of order";

    /** Sub-microsecond differences are PostgreSQL rounding {@code timestamptz} to microseconds, not tampering. */
    private static final Duration TIME_PRECISION = Duration.ofNanos(1_000);

    /**
     * One stored event row.
     *
     * @param document the content parsed as a JSON object (values as a JSON library gives them), or null when
     *                 the content is not a JSON object (legacy rows, whose content is their eventID) or does not parse
     */
    public record Row(long seq, String eventId, String type, String bizStep, OffsetDateTime eventTime, String content,
                      byte[] prevHash, byte[] hash, Map<String, Object> document) {
    }

    /**
     * The outcome.
     *
     * @param checked       rows examined, the bad one included
     * @param intact        no problem found
     * @param firstBadSeq   the seq of the first bad row; for removed events, the first missing seq
     * @param firstBadEventId the eventID of the first bad row; for removed events, the event after the gap
     * @param reason        what is wrong, starting with one of the reason prefixes of {@link ChainCheck}
     */
    public record Verdict(long checked, boolean intact, Long firstBadSeq, String firstBadEventId, String reason) {
        public static Verdict intact(long checked) {
            return new Verdict(checked, true, null, null, null);
        }
    }

    private long checked;
    private long expectedSeq = 1;
    private byte[] previousHash;
    private Verdict broken;

    /** Checks the next row; answers whether the chain is still intact (once false, further rows are ignored). */
    public boolean accept(Row row) {
        if (broken != null) {
            return false;
        }
        checked++;
        String problem = problem(row);
        if (problem != null) {
            long badSeq = problem.startsWith(EVENT_REMOVED) ? expectedSeq : row.seq();
            broken = new Verdict(checked, false, badSeq, row.eventId(), problem);
            return false;
        }
        expectedSeq = row.seq() + 1;
        previousHash = row.hash();
        return true;
    }

    public boolean intact() {
        return broken == null;
    }

    /** The verdict over the rows accepted so far. */
    public Verdict verdict() {
        return broken != null ? broken : Verdict.intact(checked);
    }

    private String problem(Row row) {
        if (row.seq() > expectedSeq) {
            long lastMissing = row.seq() - 1;
            return lastMissing == expectedSeq
                    ? EVENT_REMOVED + ": seq " + expectedSeq + " is missing before seq " + row.seq()
                    : EVENT_REMOVED + ": seq " + expectedSeq + " to " + lastMissing + " are missing before seq " + row.seq();
        }
        if (row.seq() < expectedSeq) {
            return OUT_OF_ORDER + ": seq " + row.seq() + " after seq " + (expectedSeq - 1);
        }
        if (!Arrays.equals(row.prevHash(), previousHash)) {
            return previousHash == null
                    ? LINK_BROKEN + ": the first event has a prev_hash"
                    : LINK_BROKEN + ": prev_hash is not the hash of seq " + (row.seq() - 1);
        }
        if (row.content() == null || row.hash() == null || !Arrays.equals(row.hash(), HashChain.next(row.prevHash(), row.content()))) {
            return CONTENT_ALTERED + ": the hash does not match SHA-256(prev_hash || content)";
        }
        return columnProblem(row);
    }

    private static String columnProblem(Row row) {
        Map<String, Object> document = row.document();
        if (!row.content().startsWith("{")) {
            return Objects.equals(row.content(), row.eventId()) ? null
                    : COLUMN_ALTERED + ": event_id is '" + row.eventId() + "' but the content says '" + row.content() + "'";
        }
        if (document == null) {
            return CONTENT_ALTERED + ": the content is not a JSON document";
        }
        String differs = differs("event_id", row.eventId(), document.get("eventID"));
        if (differs == null) {
            differs = differs("event_type", row.type(), document.get("type"));
        }
        if (differs == null) {
            differs = differs("biz_step", row.bizStep(), document.get("bizStep"));
        }
        if (differs == null) {
            differs = timeDiffers(row.eventTime(), document.get("eventTime"));
        }
        return differs == null ? null : COLUMN_ALTERED + ": " + differs;
    }

    private static String differs(String column, String value, Object inContent) {
        String said = inContent == null ? null : inContent.toString();
        return Objects.equals(value, said) ? null
                : column + " is " + quoted(value) + " but the content says " + quoted(said);
    }

    private static String timeDiffers(OffsetDateTime column, Object inContent) {
        Instant said = null;
        if (inContent != null) {
            try {
                said = OffsetDateTime.parse(inContent.toString()).toInstant();
            } catch (DateTimeParseException e) {
                said = null;
            }
        }
        if (column == null && said == null) {
            return null;
        }
        if (column != null && said != null && Duration.between(column.toInstant(), said).abs().compareTo(TIME_PRECISION) < 0) {
            return null;
        }
        return "event_time is " + quoted(column == null ? null : column.toString()) + " but the content says "
                + quoted(inContent == null ? null : inContent.toString());
    }

    private static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
