package org.plateautrace.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    @Test
    void numbersEachRowByTheLineItStartsOnEvenAfterAQuotedLineBreak() throws IOException {
        CsvFile.Table table = CsvFile.read(new StringReader("\uFEFFlot_code,note\r\nA,\"two\nlines, and \"\"quotes\"\"\"\r\n\r\nB,\nC,plain\n"));
        assertEquals(List.of("lot_code", "note"), table.columns());
        assertEquals(List.of(2, 5, 6), table.rows().stream().map(CsvFile.Row::line).toList());
        assertEquals("two\nlines, and \"quotes\"", table.rows().get(0).get("note"));
        assertEquals(Map.of("lot_code", "B"), table.rows().get(1).cells(), "empty cells are left out");
    }

    @Test
    void refusesAnUnclosedQuote() {
        IOException refused = assertThrows(IOException.class, () -> CsvFile.read(new StringReader("a,b\n1,\"open\n")));
        assertEquals("line 3: a quoted field is not closed", refused.getMessage());
    }

    @Test
    void namesTheCsvColumnOfAnApiField() {
        assertEquals("attr.teaType", HarvestImport.column("attributes.teaType"));
        assertEquals("harvested_at", HarvestImport.column("harvestedAt"));
        assertEquals("quantity", HarvestImport.column("quantity.value"));
    }
}
