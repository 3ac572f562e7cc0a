package org.plateautrace.model.coldchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.plateautrace.model.InvalidAssertions.assertInvalid;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcursionsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 5, 10, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final ColdChainProfile CHILLED = ColdChainProfiles.require("chilled_meat");

    private static OffsetDateTime at(int minutes) {
        return T0.plusMinutes(minutes);
    }

    private static Reading temp(int minutes, String celsius) {
        return Reading.temperature(at(minutes), new BigDecimal(celsius), "logger-1");
    }

    private static Reading humidity(int minutes, String percent) {
        return Reading.humidity(at(minutes), new BigDecimal(percent), "logger-1");
    }

    /** Temperatures every 10 minutes from T0. */
    private static List<Reading> every10Minutes(String... celsius) {
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < celsius.length; i++) {
            readings.add(temp(i * 10, celsius[i]));
        }
        return readings;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void chilledPorkAbove4DegreesForFortyMinutesIsAnExcursion() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED,
                every10Minutes("3.0", "3.5", "6.0", "7.5", "7.0", "6.5", "3.8", "3.2"));

        assertFalse(verdict.held());
        assertEquals("chilled_meat", verdict.profile());
        assertEquals(8, verdict.readings());
        assertEquals(List.of(new Excursion(Measure.TEMPERATURE, at(20), at(60), Duration.ofMinutes(40),
                d("7.5"), d("4"), "above")), verdict.excursions());
        assertEquals(d("3.0"), verdict.min().get(Measure.TEMPERATURE));
        assertEquals(d("7.5"), verdict.max().get(Measure.TEMPERATURE));
    }

    @Test
    void chilledPorkAbove4DegreesForTwentyMinutesIsTolerated() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, every10Minutes("3.0", "6.0", "7.5", "3.5", "3.0"));

        assertTrue(verdict.held());
        assertEquals(List.of(), verdict.excursions());
        assertEquals(d("7.5"), verdict.max().get(Measure.TEMPERATURE));
    }

    @Test
    void aRunOfExactlyTheToleranceIsStillTolerated() {
        assertTrue(Excursions.evaluate(CHILLED, every10Minutes("3", "5", "5", "5", "3")).held());
        assertFalse(Excursions.evaluate(CHILLED, List.of(temp(0, "3"), temp(10, "5"), temp(41, "3"))).held());
    }

    @Test
    void theBandEdgesThemselvesAreInside() {
        assertTrue(Excursions.evaluate(CHILLED, every10Minutes("4.0", "4", "0", "0.00", "4.000", "0", "4")).held());
    }

    @Test
    void frozenGoodsNeverAboveMinus18Held() {
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.require("frozen"),
                every10Minutes("-22.5", "-20", "-18", "-19.5", "-25", "-18.0", "-21"));

        assertTrue(verdict.held());
        assertEquals(d("-25"), verdict.min().get(Measure.TEMPERATURE));
        assertEquals(d("-18"), verdict.max().get(Measure.TEMPERATURE));
    }

    @Test
    void frozenGoodsThawingAboveMinus18ForNinetyMinutesIsAnExcursion() {
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute <= 180; minute += 15) {
            readings.add(temp(minute, minute >= 30 && minute < 120 ? "-12" : "-20"));
        }
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.require("frozen"), readings);

        assertEquals(1, verdict.excursions().size());
        Excursion thaw = verdict.excursions().get(0);
        assertEquals(Duration.ofMinutes(90), thaw.duration());
        assertEquals(d("-18"), thaw.limit());
        assertEquals("above", thaw.direction());
    }

    @Test
    void freshFungiTooDryForThreeHoursIsAHumidityExcursionWhileTemperatureHeld() {
        ColdChainProfile fungi = ColdChainProfiles.require("fresh_fungi");
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute <= 300; minute += 30) {
            readings.add(temp(minute, "2.5"));
            readings.add(humidity(minute, minute >= 60 && minute < 240 ? (minute == 120 ? "72" : "80") : "90"));
        }
        ColdChainVerdict verdict = Excursions.evaluate(fungi, readings);

        assertFalse(verdict.held());
        assertEquals(List.of(new Excursion(Measure.RELATIVE_HUMIDITY, at(60), at(240), Duration.ofMinutes(180),
                d("72"), d("85"), "below")), verdict.excursions());
        assertEquals(22, verdict.readings());
        assertEquals(Map.of(Measure.TEMPERATURE, d("2.5"), Measure.RELATIVE_HUMIDITY, d("72")), verdict.min());
        assertEquals(Map.of(Measure.TEMPERATURE, d("2.5"), Measure.RELATIVE_HUMIDITY, d("90")), verdict.max());
    }

    @Test
    void freshFungiTooWetForTwoHoursIsTolerated() {
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.require("fresh_fungi"), List.of(
                humidity(0, "90"), humidity(30, "97"), humidity(90, "98.5"), humidity(150, "94"), temp(0, "2")));

        assertTrue(verdict.held());
    }

    @Test
    void unsortedInputGivesTheSameVerdictAsSorted() {
        List<Reading> sorted = new ArrayList<>(every10Minutes(
                "3", "5", "6", "7.5", "6", "5", "3", "2", "-1", "-2", "-1.5", "-0.5", "1", "2"));
        // a second logger at the same instants, partly disagreeing, and a duplicate in another offset
        sorted.add(Reading.temperature(at(30), d("8.25"), "logger-2"));
        sorted.add(Reading.temperature(at(60), d("3.5"), "logger-2"));
        sorted.add(Reading.temperature(at(60).withOffsetSameInstant(ZoneOffset.UTC), d("4.5"), "logger-3"));
        sorted.add(Reading.temperature(at(120), d("4.0"), "logger-2"));
        sorted.add(Reading.temperature(at(120), d("4.00"), "logger-3"));
        ColdChainVerdict expected = Excursions.evaluate(CHILLED, sorted);
        assertEquals(2, expected.excursions().size(), "the fixture should have an excursion on each side");

        Random random = new Random(20260510L);
        for (int round = 0; round < 50; round++) {
            List<Reading> shuffled = new ArrayList<>(sorted);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, Excursions.evaluate(CHILLED, shuffled), "shuffle round " + round);
        }
        List<Reading> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        assertEquals(expected, Excursions.evaluate(CHILLED, reversed));
    }

    @Test
    void aRunThatNeverComesBackInsideEndsAtTheLastReading() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, every10Minutes("2", "3", "5", "6", "8", "9.5", "9"));

        assertEquals(List.of(new Excursion(Measure.TEMPERATURE, at(20), at(60), Duration.ofMinutes(40),
                d("9.5"), d("4"), "above")), verdict.excursions());
    }

    @Test
    void twoSeparateExcursionsAreReportedInTimeOrder() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, every10Minutes(
                "3", "5", "5.5", "6", "5", "3", "3", "3", "4.5", "4.8", "5.2", "4.6", "2"));

        assertEquals(List.of(
                new Excursion(Measure.TEMPERATURE, at(10), at(50), Duration.ofMinutes(40), d("6"), d("4"), "above"),
                new Excursion(Measure.TEMPERATURE, at(80), at(120), Duration.ofMinutes(40), d("5.2"), d("4"), "above")),
                verdict.excursions());
    }

    @Test
    void aRunAboveThenDirectlyBelowIsTwoRuns() {
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.require("fresh_fruit"), every10Minutes(
                "2", "6", "6.5", "6", "5", "5", "5", "5", "-2", "-3", "-2.5", "-2", "-2", "-2", "-2", "-2", "1"));

        assertEquals(List.of(
                new Excursion(Measure.TEMPERATURE, at(10), at(80), Duration.ofMinutes(70), d("6.5"), d("4"), "above"),
                new Excursion(Measure.TEMPERATURE, at(80), at(160), Duration.ofMinutes(80), d("-3"), d("-1"), "below")),
                verdict.excursions());
    }

    @Test
    void aSingleReadingOutsideAtTheEndIsNoExcursion() {
        assertTrue(Excursions.evaluate(CHILLED, every10Minutes("3", "3", "12")).held());
        assertTrue(Excursions.evaluate(CHILLED, List.of(temp(0, "12"))).held());
    }

    @Test
    void withZeroToleranceASingleReadingOutsideIsAnExcursion() {
        ColdChainProfile strict = new ColdChainProfile("strict_chilled", "严格冷鲜", "Strict chilled", List.of(
                Band.between(Measure.TEMPERATURE, "0", "4", Duration.ZERO)));

        ColdChainVerdict verdict = Excursions.evaluate(strict, every10Minutes("3", "3", "12"));

        assertEquals(List.of(new Excursion(Measure.TEMPERATURE, at(20), at(20), Duration.ZERO,
                d("12"), d("4"), "above")), verdict.excursions());
    }

    @Test
    void aSingleReadingOutsideInTheMiddleLastsUntilTheNextReadingInside() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, List.of(temp(0, "3"), temp(60, "5"), temp(120, "3")));

        assertEquals(Duration.ofMinutes(60), verdict.excursions().get(0).duration());
    }

    @Test
    void readingsAtTheSameInstantCountAsOutsideWhenAnyDeviceIsOutside() {
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute <= 60; minute += 10) {
            readings.add(Reading.temperature(at(minute), d("3"), "logger-centre"));
            // the door-side logger reports in UTC: the same instants, another offset
            readings.add(Reading.temperature(at(minute).withOffsetSameInstant(ZoneOffset.UTC),
                    minute == 0 || minute == 60 ? d("3.5") : d("6"), "logger-door"));
        }
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, readings);

        assertEquals(1, verdict.excursions().size());
        Excursion excursion = verdict.excursions().get(0);
        assertEquals(Duration.ofMinutes(50), excursion.duration());
        assertTrue(excursion.start().isEqual(at(10)));
        assertEquals(14, verdict.readings());
    }

    @Test
    void interleavedLoggersCanCutARunThatEvaluatingOneDeviceFinds() {
        List<Reading> readings = new ArrayList<>();
        for (int minute = 0; minute <= 120; minute += 10) {
            readings.add(Reading.temperature(at(minute), d("6"), "logger-door"));
            readings.add(Reading.temperature(at(minute + 5), d("3"), "logger-centre"));
        }

        assertTrue(Excursions.evaluate(CHILLED, readings).held());
        List<Reading> door = readings.stream().filter(r -> r.device().equals("logger-door")).toList();
        assertEquals(Duration.ofMinutes(120), Excursions.evaluate(CHILLED, door).excursions().get(0).duration());
    }

    @Test
    void aRunBelowReportsTheLowestReadingAndTheMinimumAsLimit() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, every10Minutes("1", "-0.5", "-2", "-1.5", "-1", "1"));

        Excursion freeze = verdict.excursions().get(0);
        assertEquals("below", freeze.direction());
        assertEquals(d("-2"), freeze.worst());
        assertEquals(d("0"), freeze.limit());
        assertEquals(Duration.ofMinutes(40), freeze.duration());
    }

    @Test
    void measuresWithoutABandAreIgnoredButCountedInMinMax() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, List.of(
                temp(0, "2"), humidity(0, "99"), humidity(60, "12"), humidity(120, "99.5"), temp(120, "3")));

        assertTrue(verdict.held());
        assertEquals(5, verdict.readings());
        assertEquals(d("12"), verdict.min().get(Measure.RELATIVE_HUMIDITY));
        assertEquals(d("99.5"), verdict.max().get(Measure.RELATIVE_HUMIDITY));
        assertEquals(List.of(Measure.TEMPERATURE, Measure.RELATIVE_HUMIDITY), List.copyOf(verdict.max().keySet()));
    }

    @Test
    void noReadingsIsHeldWithoutEvidence() {
        ColdChainVerdict verdict = Excursions.evaluate(CHILLED, List.of());

        assertTrue(verdict.held());
        assertEquals(0, verdict.readings());
        assertFalse(verdict.hasReadings());
        assertEquals(List.of(), verdict.excursions());
        assertEquals(Map.of(), verdict.min());
        assertEquals(Map.of(), verdict.max());
        assertEquals(verdict, Excursions.evaluate(CHILLED, null));
    }

    @Test
    void readingsOfABandedMeasureMissingEntirelyAreNoExcursion() {
        ColdChainVerdict verdict = Excursions.evaluate(ColdChainProfiles.require("fresh_fungi"),
                List.of(temp(0, "2"), temp(60, "3")));

        assertTrue(verdict.held());
        assertFalse(verdict.min().containsKey(Measure.RELATIVE_HUMIDITY));
    }

    @Test
    void aMissingReadingIsRefusedByItsIndex() {
        assertInvalid("readings[1]", "missing",
                () -> Excursions.evaluate(CHILLED, Arrays.asList(temp(0, "2"), null)));
    }
}
