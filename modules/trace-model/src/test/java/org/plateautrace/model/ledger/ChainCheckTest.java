package org.plateautrace.model.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.plateautrace.model.ledger.ChainCheck.Row;
import org.plateautrace.model.ledger.ChainCheck.Verdict;

class ChainCheckTest {
    private static final OffsetDateTime TIME = OffsetDateTime.parse("2026-05-02T08:00:00+08:00");

    /** A document as EventDocument makes one (the parts the check compares, plus a quantity). */
    private static Map<String, Object> document(int n) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "ObjectEvent");
        json.put("eventID", eventId(n));
        json.put("eventTime", TIME.plusMinutes(n).toString());
        json.put("action", "ADD");
        json.put("bizStep", "commissioning");
        json.put("quantityList", List.of(Map.of("epcClass", "https://id.gs1.org/01/02000000000008/10/TEA-" + n,
                "quantity", new BigDecimal("120.5"), "uom", "KGM")));
        return json;
    }

    private static String eventId(int n) {
        return "ni:///sha-256;" + String.format("%064x", n) + "?ver=CBV2.0";
    }

    /** A well-formed chain: {@code legacy} pre-V4 rows (content = eventID) then {@code documents} JSON rows. */
    private static List<Row> chain(int legacy, int documents) {
        List<Row> rows = new ArrayList<>();
        byte[] previous = null;
        for (int n = 1; n <= legacy + documents; n++) {
            Row row;
            if (n <= legacy) {
                String content = eventId(n);
                row = new Row(n, eventId(n), "ObjectEvent", "commissioning", TIME.plusMinutes(n), content, previous,
                        HashChain.next(previous, content), null);
            } else {
                Map<String, Object> document = document(n);
                String content = CanonicalJson.write(document);
                // the column holds the same instant as the document, as PostgreSQL answers it: in UTC
                row = new Row(n, eventId(n), "ObjectEvent", "commissioning",
                        TIME.plusMinutes(n).withOffsetSameInstant(java.time.ZoneOffset.UTC), content, previous,
                        HashChain.next(previous, content), document);
            }
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    private static Verdict check(List<Row> rows) {
        ChainCheck check = new ChainCheck();
        rows.forEach(check::accept);
        return check.verdict();
    }

    private static Row withContent(Row row, String content) {
        return new Row(row.seq(), row.eventId(), row.type(), row.bizStep(), row.eventTime(), content, row.prevHash(),
                row.hash(), row.document());
    }

    private static void assertBroken(Verdict verdict, long seq, String eventId, String reasonPrefix) {
        assertFalse(verdict.intact(), verdict.toString());
        assertEquals(seq, verdict.firstBadSeq(), verdict.toString());
        assertEquals(eventId, verdict.firstBadEventId(), verdict.toString());
        assertTrue(verdict.reason().startsWith(reasonPrefix), verdict.reason());
    }

    @Test
    void anIntactChainPassesAndCountsItsEvents() {
        Verdict verdict = check(chain(0, 5));
        assertEquals(Verdict.intact(5), verdict);
        assertNull(verdict.firstBadSeq());
        assertNull(verdict.reason());
    }

    @Test
    void anEmptyLedgerIsIntact() {
        assertEquals(Verdict.intact(0), new ChainCheck().verdict());
    }

    @Test
    void legacyRowsWhoseContentIsTheirEventIdPass() {
        assertEquals(Verdict.intact(6), check(chain(3, 3)));
    }

    @Test
    void aLegacyRowWithAnotherEventIdIsAnAlteredColumn() {
        List<Row> rows = chain(3, 1);
        Row legacy = rows.get(1);
        rows.set(1, new Row(legacy.seq(), eventId(99), legacy.type(), legacy.bizStep(), legacy.eventTime(), legacy.content(),
                legacy.prevHash(), legacy.hash(), null));
        assertBroken(check(rows), 2, eventId(99), ChainCheck.COLUMN_ALTERED);
    }

    @Test
    void alteredContentIsNamedAtItsEvent() {
        List<Row> rows = chain(0, 5);
        Row third = rows.get(2);
        rows.set(2, withContent(third, third.content().replace("\"quantity\":120.5", "\"quantity\":1205")));
        Verdict verdict = check(rows);
        assertBroken(verdict, 3, eventId(3), ChainCheck.CONTENT_ALTERED);
        assertEquals(3, verdict.checked());
    }

    @Test
    void alteredContentWithARecomputedHashIsCaughtAtTheNextLink() {
        List<Row> rows = chain(0, 5);
        Row third = rows.get(2);
        String forged = third.content().replace("\"quantity\":120.5", "\"quantity\":1205");
        rows.set(2, new Row(third.seq(), third.eventId(), third.type(), third.bizStep(), third.eventTime(), forged,
                third.prevHash(), HashChain.next(third.prevHash(), forged), third.document()));
        Verdict verdict = check(rows);
        assertBroken(verdict, 4, eventId(4), ChainCheck.LINK_BROKEN);
        assertTrue(verdict.reason().contains("seq 3"), verdict.reason());
    }

    @Test
    void anAlteredBizStepColumnIsNamed() {
        List<Row> rows = chain(0, 4);
        Row second = rows.get(1);
        rows.set(1, new Row(second.seq(), second.eventId(), second.type(), "shipping", second.eventTime(), second.content(),
                second.prevHash(), second.hash(), second.document()));
        Verdict verdict = check(rows);
        assertBroken(verdict, 2, eventId(2), ChainCheck.COLUMN_ALTERED);
        assertTrue(verdict.reason().contains("biz_step"), verdict.reason());
    }

    @Test
    void eventTimesAreComparedAsInstants() {
        List<Row> rows = chain(0, 3);
        Row second = rows.get(1);
        rows.set(1, new Row(second.seq(), second.eventId(), second.type(), second.bizStep(),
                second.eventTime().withOffsetSameInstant(java.time.ZoneOffset.ofHours(5)), second.content(),
                second.prevHash(), second.hash(), second.document()));
        assertEquals(Verdict.intact(3), check(rows));

        rows.set(1, new Row(second.seq(), second.eventId(), second.type(), second.bizStep(), second.eventTime().plusHours(1),
                second.content(), second.prevHash(), second.hash(), second.document()));
        Verdict verdict = check(rows);
        assertBroken(verdict, 2, eventId(2), ChainCheck.COLUMN_ALTERED);
        assertTrue(verdict.reason().contains("event_time"), verdict.reason());
    }

    @Test
    void alteredEventIdAndTypeColumnsAreNamed() {
        List<Row> rows = chain(0, 3);
        Row third = rows.get(2);
        rows.set(2, new Row(third.seq(), third.eventId(), "TransformationEvent", third.bizStep(), third.eventTime(),
                third.content(), third.prevHash(), third.hash(), third.document()));
        Verdict verdict = check(rows);
        assertBroken(verdict, 3, eventId(3), ChainCheck.COLUMN_ALTERED);
        assertTrue(verdict.reason().contains("event_type"), verdict.reason());

        rows.set(2, new Row(third.seq(), eventId(42), third.type(), third.bizStep(), third.eventTime(),
                third.content(), third.prevHash(), third.hash(), third.document()));
        verdict = check(rows);
        assertBroken(verdict, 3, eventId(42), ChainCheck.COLUMN_ALTERED);
        assertTrue(verdict.reason().contains("event_id"), verdict.reason());
    }

    @Test
    void aRemovedEventIsNamedByItsSeqAndTheEventAfterTheGap() {
        List<Row> rows = chain(0, 6);
        rows.remove(3); // seq 4
        Verdict verdict = check(rows);
        assertBroken(verdict, 4, eventId(5), ChainCheck.EVENT_REMOVED);
        assertTrue(verdict.reason().contains("seq 4 is missing before seq 5"), verdict.reason());
    }

    @Test
    void severalRemovedEventsAreNamedAsARange() {
        List<Row> rows = chain(0, 6);
        rows.remove(3);
        rows.remove(2); // seq 3 and 4
        Verdict verdict = check(rows);
        assertBroken(verdict, 3, eventId(5), ChainCheck.EVENT_REMOVED);
        assertTrue(verdict.reason().contains("seq 3 to 4 are missing"), verdict.reason());
    }

    @Test
    void aRemovedFirstEventIsNamed() {
        List<Row> rows = chain(1, 2);
        rows.remove(0);
        assertBroken(check(rows), 1, eventId(2), ChainCheck.EVENT_REMOVED);
    }

    @Test
    void aWrongPrevHashIsABrokenLink() {
        List<Row> rows = chain(0, 4);
        Row third = rows.get(2);
        byte[] wrong = HashChain.next(null, "something else");
        rows.set(2, new Row(third.seq(), third.eventId(), third.type(), third.bizStep(), third.eventTime(), third.content(),
                wrong, HashChain.next(wrong, third.content()), third.document()));
        Verdict verdict = check(rows);
        assertBroken(verdict, 3, eventId(3), ChainCheck.LINK_BROKEN);
        assertTrue(verdict.reason().contains("seq 2"), verdict.reason());
    }

    @Test
    void aFirstEventWithAPrevHashIsABrokenLink() {
        List<Row> rows = chain(0, 2);
        Row first = rows.get(0);
        byte[] wrong = HashChain.next(null, "x");
        rows.set(0, new Row(1, first.eventId(), first.type(), first.bizStep(), first.eventTime(), first.content(), wrong,
                HashChain.next(wrong, first.content()), first.document()));
        assertBroken(check(rows), 1, eventId(1), ChainCheck.LINK_BROKEN);
    }

    @Test
    void aDocumentThatDoesNotParseIsNamed() {
        List<Row> rows = chain(0, 1);
        Row first = rows.get(0);
        rows.set(0, new Row(1, first.eventId(), first.type(), first.bizStep(), first.eventTime(), first.content(),
                null, first.hash(), null));
        assertBroken(check(rows), 1, eventId(1), ChainCheck.CONTENT_ALTERED);
    }

    @Test
    void stopsAtTheFirstProblem() {
        List<Row> rows = chain(0, 5);
        rows.set(1, withContent(rows.get(1), "{}"));
        rows.set(3, withContent(rows.get(3), "{}"));
        ChainCheck check = new ChainCheck();
        assertTrue(check.accept(rows.get(0)));
        assertFalse(check.accept(rows.get(1)));
        assertFalse(check.accept(rows.get(2)));
        assertFalse(check.intact());
        assertBroken(check.verdict(), 2, eventId(2), ChainCheck.CONTENT_ALTERED);
        assertEquals(2, check.verdict().checked());
    }
}
