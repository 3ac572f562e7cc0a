package org.plateautrace.model.epcis;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The EPCIS SimpleEventQuery parameters the platform answers. Lists hold alternatives (any may match);
 * empty lists and nulls do not restrict. {@code epcs}/{@code epcClasses} may hold EPC patterns with a
 * trailing {@code *} (e.g. {@code urn:epc:idpat:sgtin:0614141.107346.*}).
 *
 * @param visibleParty the party whose view this is (its own events and events on lots it held); null for all
 * @param after        the last event row of the previous page (from nextPageToken), or null
 */
public record EventQuery(List<String> eventTypes, OffsetDateTime geEventTime, OffsetDateTime ltEventTime,
                         OffsetDateTime geRecordTime, OffsetDateTime ltRecordTime, List<String> bizSteps,
                         List<String> dispositions, List<String> readPoints, List<String> bizLocations, List<String> epcs,
                         List<String> anyEpcs, List<String> epcClasses, List<String> anyEpcClasses, List<String> eventIds,
                         List<String> sensorTypes, List<ValueBound> sensorValues, Long visibleParty, Long after, int perPage) {

    /** {@code GE_value_{uom}} ({@code atLeast}) or {@code LT_value_{uom}} (not {@code atLeast}). */
    public record ValueBound(String uom, boolean atLeast, BigDecimal value) {
    }
}
