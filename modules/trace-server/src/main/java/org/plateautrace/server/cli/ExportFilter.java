package org.plateautrace.server.cli;

import java.time.OffsetDateTime;

/** Which events an export holds: those naming a lot's class (or all), recorded in a time range [from, to); each part optional. */
record ExportFilter(String epcClass, OffsetDateTime from, OffsetDateTime to) {
}
