package org.plateautrace.model.coldchain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.plateautrace.model.Invalid;

/**
 * Finds temperature (and humidity) excursions in logger readings.
 *
 * <p>Per measure with a band in the profile, readings are sorted by time. A run is a stretch of
 * consecutive readings on the same side of the band; it starts at its first reading and ends at the first
 * reading that is no longer on that side, or at the last reading of the measure when none follows. It is
 * an excursion when it lasted longer than the band's tolerance (exactly the tolerance is still fine).
 * {@code worst} is the most extreme reading of the run, {@code limit} the edge it crossed.
 *
 * <p>Decisions:
 * <ul>
 * <li>No readings: held, {@code readings == 0}. That is no evidence either way; the caller says so.</li>
 * <li>Time between readings counts as outside until a reading shows otherwise: a sparse logger makes a
 *     run longer, never shorter.</li>
 * <li>A run that never comes back ends at the last reading, so one reading outside at the very end
 *     lasts zero: not an excursion, unless the tolerance is zero (then every reading outside is one).</li>
 * <li>Above then directly below (no reading inside between) is two runs: the run above ends where the
 *     first reading below starts the run below. The sides are tracked independently.</li>
 * <li>Readings with equal timestamps (the same instant in any offset) form one moment. A moment is
 *     above when any of its readings is above and below when any is below, so input order never matters:
 *     unsorted input gives the same verdict as sorted.</li>
 * <li>All devices of a shipment are evaluated together: a door-side logger above the band counts even
 *     when another sits inside it. Caveat: two loggers interleaving different readings can cut one
 *     device's run short (each reading of the other, inside the band, ends it). When that matters,
 *     filter by {@link Reading#device()} and evaluate each device on its own.</li>
 * <li>Readings of a measure the profile has no band for are ignored for excursions but counted in
 *     {@code readings} and in {@code min}/{@code max}.</li>
 * </ul>
 */
public final class Excursions {
    private static final Comparator<Excursion> ORDER = Comparator
            .comparing(Excursion::start, OffsetDateTime.timeLineOrder())
            .thenComparing(Excursion::measure)
            .thenComparing(Excursion::direction);

    private Excursions() {
    }

    public static ColdChainVerdict evaluate(ColdChainProfile profile, List<Reading> readings) {
        Objects.requireNonNull(profile, "profile");
        List<Reading> all = readings == null ? List.of() : readings;
        Map<Measure, List<Reading>> byMeasure = new EnumMap<>(Measure.class);
        Map<Measure, BigDecimal> min = new EnumMap<>(Measure.class);
        Map<Measure, BigDecimal> max = new EnumMap<>(Measure.class);
        for (int i = 0; i < all.size(); i++) {
            Reading reading = all.get(i);
            if (reading == null) {
                throw new Invalid("readings[" + i + "]", "is missing");
            }
            byMeasure.computeIfAbsent(reading.measure(), measure -> new ArrayList<>()).add(reading);
            min.merge(reading.measure(), reading.value(), Excursions::lower);
            max.merge(reading.measure(), reading.value(), Excursions::higher);
        }
        List<Excursion> excursions = new ArrayList<>();
        for (Band band : profile.bands()) {
            List<Moment> moments = moments(byMeasure.getOrDefault(band.measure(), List.of()));
            excursions.addAll(runs(band, moments, true));
            excursions.addAll(runs(band, moments, false));
        }
        excursions.sort(ORDER);
        return new ColdChainVerdict(profile.code(), excursions.isEmpty(), excursions, all.size(), min, max);
    }

    /** The readings of one instant; {@code time} is the earliest-sorting of equal instants, so it does not depend on input order. */
    private record Moment(OffsetDateTime time, BigDecimal highest, BigDecimal lowest) {
    }

    private static List<Moment> moments(List<Reading> readings) {
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(Reading::time));
        List<Moment> moments = new ArrayList<>();
        for (Reading reading : sorted) {
            Moment last = moments.isEmpty() ? null : moments.get(moments.size() - 1);
            if (last != null && last.time().isEqual(reading.time())) {
                moments.set(moments.size() - 1, new Moment(last.time(),
                        higher(last.highest(), reading.value()), lower(last.lowest(), reading.value())));
            } else {
                moments.add(new Moment(reading.time(), reading.value(), reading.value()));
            }
        }
        return moments;
    }

    private static List<Excursion> runs(Band band, List<Moment> moments, boolean above) {
        List<Excursion> found = new ArrayList<>();
        Moment start = null;
        BigDecimal worst = null;
        for (Moment moment : moments) {
            BigDecimal value = above ? moment.highest() : moment.lowest();
            boolean outside = above ? band.above(value) : band.below(value);
            if (outside) {
                if (start == null) {
                    start = moment;
                    worst = value;
                } else {
                    worst = above ? higher(worst, value) : lower(worst, value);
                }
            } else if (start != null) {
                close(band, above, start.time(), moment.time(), worst, found);
                start = null;
            }
        }
        if (start != null) {
            close(band, above, start.time(), moments.get(moments.size() - 1).time(), worst, found);
        }
        return found;
    }

    private static void close(Band band, boolean above, OffsetDateTime start, OffsetDateTime end,
                              BigDecimal worst, List<Excursion> found) {
        Duration duration = Duration.between(start, end);
        if (duration.compareTo(band.tolerance()) > 0 || band.tolerance().isZero()) {
            found.add(new Excursion(band.measure(), start, end, duration, worst,
                    above ? band.max() : band.min(), above ? Excursion.ABOVE : Excursion.BELOW));
        }
    }

    // Equal values of different scale (4.0, 4.00): the smaller scale wins, so input order cannot change the result.
    private static BigDecimal higher(BigDecimal a, BigDecimal b) {
        int c = a.compareTo(b);
        return c > 0 ? a : c < 0 ? b : a.scale() <= b.scale() ? a : b;
    }

    private static BigDecimal lower(BigDecimal a, BigDecimal b) {
        int c = a.compareTo(b);
        return c < 0 ? a : c > 0 ? b : a.scale() <= b.scale() ? a : b;
    }
}
