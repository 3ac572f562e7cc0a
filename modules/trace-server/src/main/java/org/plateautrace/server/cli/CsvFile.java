package org.plateautrace.server.cli;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CSV file (RFC 4180: commas, double quotes around fields holding commas, quotes or line
 * breaks; UTF-8, an optional byte order mark): a header row naming the columns, then one row per line,
 * each with the line it starts on. Blank lines are skipped.
 */
final class CsvFile {
    /** One data row: the line it starts on and its cells by column name (empty cells left out). */
    record Row(int line, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    /** The columns and the rows of a file. */
    record Table(List<String> columns, List<Row> rows) {
    }

    private final Reader in;
    private int line = 1;

    private CsvFile(Reader in) {
        this.in = in;
    }

    static Table read(Reader in) throws IOException {
        CsvFile csv = new CsvFile(in);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        while (true) {
            int start = csv.line;
            List<String> record = csv.record();
            if (record == null) {
                break;
            }
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (header == null) {
                header = record.stream().map(c -> c.replace("\uFEFF", "").strip()).toList();
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < record.size(); i++) {
                String value = record.get(i).strip();
                String column = i < header.size() ? header.get(i) : "column " + (i + 1);
                if (!value.isEmpty()) {
                    cells.put(column, value);
                }
            }
            rows.add(new Row(start, cells));
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    /** The next record, or null at the end of the input. */
    private List<String> record() throws IOException {
        int c = next();
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("line " + line + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int after = next();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = after;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else if (c != '\r') {
                field.append((char) c);
            }
            c = next();
        }
    }

    private int next() throws IOException {
        int c = in.read();
        if (c == '\n') {
            line++;
        }
        return c;
    }
}
