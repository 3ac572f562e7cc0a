package org.plateautrace.server.cli;

/** A row (or event) of an import that was refused: the line of the file it starts on, the column or field at fault, why. */
record RowError(int line, String column, String detail) {
    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", " + column) + ": " + detail;
    }
}
